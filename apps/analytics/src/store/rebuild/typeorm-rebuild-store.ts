import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';

import { analyticsDatabase } from '../../config/analytics-database.config';
import { RebuildSession, RebuildStore } from '../../rebuild/rebuild-store';
import { TypeormRebuildSession } from './typeorm-rebuild-session';

/** Rebuilds in the analytics database, each on a small DataSource of its own beside the main pool. */
@Injectable()
export class TypeormRebuildStore extends RebuildStore {
  constructor(@Inject(analyticsDatabase.KEY) private readonly database: ConfigType<typeof analyticsDatabase>) {
    super();
  }

  async open(group: string, handlers: number): Promise<RebuildSession> {
    // One connection more than the handlers, for the swap transaction.
    const dataSource = await new DataSource({ type: 'postgres', url: this.database.url, poolSize: handlers + 1 }).initialize();
    return new TypeormRebuildSession(dataSource, group);
  }
}
