import type { DataSource } from 'typeorm';

import { OutboxRelay } from '../outbox/outbox-relay';
import type { OutboxRelayOptions } from '../outbox/relay-options';
import { TypeormOutboxStore, type UnsentBatch } from './typeorm-outbox-store';

export interface TypeormOutboxRelayOptions extends Omit<OutboxRelayOptions, 'name'> {
  /** The domain's data source; the active relay keeps one of its pool's connections. */
  dataSource: DataSource;
  /** Names the relay in its messages; defaults to the database's name. */
  name?: string;
  /** Rows per round: one SELECT, one pipeline of XADDs, one UPDATE. */
  batchSize?: number;
  /** How long sent rows are kept (for inspection) before they are deleted. */
  retentionMs?: number;
}

/**
 * The OutboxRelay of a domain that stores its events in `mesh_outbox` (PostgreSQL through
 * TypeORM, written by `TypeormOutbox`). A NOTIFY at commit wakes it; polling covers missed ones.
 */
export function typeormOutboxRelay(options: TypeormOutboxRelayOptions): OutboxRelay<UnsentBatch> {
  const { dataSource, batchSize = 500, retentionMs = 60 * 60 * 1_000, ...relay } = options;
  // A failed pipeline may have written a whole batch: the read-back must reach past it.
  if (batchSize < 1 || (relay.duplicateWindow ?? batchSize) < batchSize) {
    throw new Error(
      `outbox relay: batchSize must be ≥ 1 and duplicateWindow ≥ batchSize (got ${batchSize}, ${relay.duplicateWindow})`,
    );
  }
  const store = new TypeormOutboxStore(dataSource, relay.catalog, batchSize, retentionMs);
  const name = options.name ?? String(dataSource.options.database ?? 'postgres');
  return new OutboxRelay(store, { ...relay, name });
}
