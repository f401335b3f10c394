import { Inject, Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';

import { type CatalogConfig, catalogConfig } from '../config/catalog.config';
import type { BrokerAcl } from './access-report';
import { parseAclFile } from './redis-acl';

const MAX_ACL_BYTES = 1024 * 1024;

/**
 * The broker's ACL as the file it loads says (CATALOG_REDIS_ACL_FILE), read on each request: it
 * changes when an operator regenerates and loads it, and a few kilobytes cost nothing to read.
 * A missing or unreadable file is reported, never thrown: the access view still shows the manifests.
 */
@Injectable()
export class BrokerAclSource {
  constructor(@Inject(catalogConfig.KEY) private readonly config: CatalogConfig) {}

  async read(): Promise<BrokerAcl> {
    const source = this.config.aclFile;
    if (!source) return { state: 'not-configured' };
    try {
      const text = await readFile(source, 'utf8');
      if (text.length > MAX_ACL_BYTES) return { state: 'unreadable', source, error: `more than ${MAX_ACL_BYTES} bytes` };
      return { state: 'read', source, users: parseAclFile(text) };
    } catch (error) {
      return { state: 'unreadable', source, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
