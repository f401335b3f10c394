import { Public } from '@mesh/service';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ProductCatalog } from '../products/product-catalog.service';
import { isAvailable } from '../products/product-entry';
import { type AccessReport, accessReport } from './access-report';
import { BrokerAclSource } from './broker-acl.service';

// Metadata only (user names, keys, commands; never a password or its hash): open like the rest (README, Security).
@Public()
@ApiTags('catalog')
@Controller('api/access')
export class AccessController {
  constructor(
    private readonly catalog: ProductCatalog,
    private readonly acl: BrokerAclSource,
  ) {}

  @Get()
  @ApiOperation({ summary: "Who may read what: each product's API scopes, Redis grants and consumers, and where the broker's ACL differs from the manifests." })
  @ApiOkResponse({ description: '`{ readAt, acl: { state, source, error, users }, products: [{ product, domain, apiScopes, redisUser, publishes, reads, consumers }], findings: [{ kind, subject, stream, message }] }`' })
  async access(): Promise<AccessReport & { readAt: string }> {
    const [snapshot, acl] = await Promise.all([this.catalog.snapshot(), this.acl.read()]);
    const manifests = snapshot.products.filter(isAvailable).map((entry) => entry.document.manifest);
    return { readAt: snapshot.readAt, ...accessReport(manifests, acl) };
  }
}
