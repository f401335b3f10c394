import type { ConfigDefinition } from '@mesh/service';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';

import { InboxRecord } from '../inbox-typeorm/inbox-record.entity';
import { OutboxMessage } from './outbox-message.entity';

/** What a domain's database configuration concern (e.g. `ordersDatabase`) holds at least. */
export interface DomainDatabase {
  readonly url: string;
  readonly poolSize: number;
  /** PostgreSQL cancels any statement of the domain's connections that runs longer (`statement_timeout`). */
  readonly statementTimeoutMs: number;
  /** How long a query waits for a free connection of the pool (or for a new one to connect) before it fails. */
  readonly acquireTimeoutMs: number;
}

export interface DomainTypeOrmOptions {
  /** The domain's own entities; the outbox and inbox entities are added. */
  readonly entities: ReadonlyArray<new (...args: never[]) => object>;
  /** The domain's migrations, its outbox and inbox migrations among them, in order. */
  readonly migrations: DataSourceOptions['migrations'];
}

/**
 * A domain's PostgreSQL connection through TypeORM. The schema comes from the migrations alone, run
 * at start-up; `synchronize` would let an entity edit change a production table without a reviewed
 * migration.
 *
 * No request holds the database longer than it should: the server cancels a statement past
 * `statementTimeoutMs` (a query that scans too much, a lock wait that never ends), and a request
 * that finds the pool exhausted fails after `acquireTimeoutMs` instead of queueing forever behind
 * the others; the API answers either with a 503 and Retry-After.
 */
export function domainTypeOrmModule<TDatabase extends DomainDatabase>(
  database: ConfigDefinition<TDatabase>,
  options: DomainTypeOrmOptions,
): DynamicModule {
  return TypeOrmModule.forRootAsync({
    inject: [database.KEY],
    useFactory: ({ url, poolSize, statementTimeoutMs, acquireTimeoutMs }: TDatabase) => ({
      type: 'postgres' as const,
      url,
      poolSize,
      // node-postgres' own settings: sent with each connection's start-up, and its pool's wait.
      extra: { statement_timeout: statementTimeoutMs, connectionTimeoutMillis: acquireTimeoutMs },
      entities: [...options.entities, OutboxMessage, InboxRecord],
      migrations: options.migrations,
      migrationsRun: true,
      synchronize: false,
      retryAttempts: 3,
    }),
  });
}
