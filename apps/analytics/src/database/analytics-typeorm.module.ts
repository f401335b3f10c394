import { domainTypeOrmModule } from '@mesh/messaging/typeorm';

import { analyticsDatabase } from '../config/analytics-database.config';
import { analyticsMigrations } from '../migrations';

/**
 * The projection tables have no entities: a rebuild swaps them under the same names, and their SQL
 * is written against a ProjectionTables name set (live or `_next`), which an entity cannot follow.
 */
export const analyticsTypeOrmModule = domainTypeOrmModule(analyticsDatabase, {
  entities: [],
  migrations: analyticsMigrations,
});
