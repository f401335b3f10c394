import type { DataSource } from 'typeorm';

import type { ProviderToken, ReadinessCheck } from './readiness-check';

export interface TypeOrmReadinessOptions {
  readonly name?: string;
  readonly timeoutMs?: number;
  /** Defaults to the DataSource registered by TypeOrmModule.forRoot(). */
  readonly dataSource?: ProviderToken<DataSource>;
}

/** Ready when the database answers `SELECT 1` through the app's TypeORM DataSource. */
export function typeOrmReadiness(options: TypeOrmReadinessOptions = {}): ReadinessCheck {
  return {
    name: options.name ?? 'database',
    timeoutMs: options.timeoutMs,
    setup: async ({ get }) => {
      // Imported here so services on MongoDB never load TypeORM.
      const token = options.dataSource ?? (await import('typeorm')).DataSource;
      const dataSource = get(token);
      return {
        check: async () => {
          if (!dataSource.isInitialized) throw new Error('DataSource is not initialized');
          return dataSource.query('SELECT 1');
        },
      };
    },
  };
}
