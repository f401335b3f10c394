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
 */
export function domainTypeOrmModule<TDatabase extends DomainDatabase>(
  database: ConfigDefinition<TDatabase>,
  options: DomainTypeOrmOptions,
): DynamicModule {
  return TypeOrmModule.forRootAsync({
    inject: [database.KEY],
    useFactory: ({ url, poolSize }: TDatabase) => ({
      type: 'postgres' as const,
      url,
      poolSize,
      entities: [...options.entities, OutboxMessage, InboxRecord],
      migrations: options.migrations,
      migrationsRun: true,
      synchronize: false,
      retryAttempts: 3,
    }),
  });
}
