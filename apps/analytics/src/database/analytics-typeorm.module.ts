import { InboxRecord, OutboxMessage } from '@mesh/messaging/typeorm';
import type { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';

import { analyticsDatabase } from '../config/analytics-database.config';
import { analyticsMigrations } from '../migrations';

/**
 * The schema comes from the migrations alone, run at start-up. The projection tables have no
 * entities: a rebuild swaps them under the same names, and their SQL is written against a
 * ProjectionTables name set (live or `_next`), which an entity cannot follow.
 */
export const analyticsTypeOrmModule = TypeOrmModule.forRootAsync({
  inject: [analyticsDatabase.KEY],
  useFactory: (database: ConfigType<typeof analyticsDatabase>) => ({
    type: 'postgres' as const,
    url: database.url,
    poolSize: database.poolSize,
    entities: [OutboxMessage, InboxRecord],
    migrations: analyticsMigrations,
    migrationsRun: true,
    synchronize: false,
    retryAttempts: 3,
  }),
});
