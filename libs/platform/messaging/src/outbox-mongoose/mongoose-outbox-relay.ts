import type { mongo } from 'mongoose';
import { hostname } from 'node:os';
import { v7 as uuidv7 } from 'uuid';

import { OutboxRelay } from '../outbox/outbox-relay';
import type { OutboxRelayOptions } from '../outbox/relay-options';
import { MongooseOutboxStore } from './mongoose-outbox-store';
import { assertOutboxField } from './outbox-field';
import type { MongoOutboxSource } from './outbox-source';
import type { PendingBatch } from './pending-batch';
import { RelayLease, type RelayLeaseDocument } from './relay-lease';

export interface MongooseOutboxRelayOptions extends Omit<OutboxRelayOptions, 'name'> {
  /** The domain whose events are relayed; names the lease, so one relay per domain is active. */
  domain: string;
  /** Every model that gets events through `MongoOutbox`; each needs `outboxPlugin`. */
  models: readonly MongoOutboxSource[];
  /** Names this replica in the lease; defaults to host, pid and a random part. */
  owner?: string;
  /** Where the lease lives; defaults to the `mesh_locks` collection of the first model's database. */
  locks?: mongo.Collection<RelayLeaseDocument>;
  /** Lifetime of the lease; the active relay renews it every third of it. */
  leaseTtlMs?: number;
  /** Documents read per model and round. */
  batchDocuments?: number;
}

/**
 * The OutboxRelay of a domain whose events wait in its documents' outbox fields (MongoDB or
 * FerretDB through Mongoose, written by `MongoOutbox`). There are no change streams to wait
 * on, so it polls, every 500 ms by default.
 */
export function mongooseOutboxRelay(options: MongooseOutboxRelayOptions): OutboxRelay<PendingBatch> {
  const { domain, models, owner, locks, leaseTtlMs = 15_000, batchDocuments = 100, ...relay } = options;
  const [first] = models;
  if (!first) {
    throw new Error(`outbox relay ${domain}: no models to relay from`);
  }
  if (batchDocuments < 1 || leaseTtlMs < 30) {
    throw new Error(
      `outbox relay ${domain}: batchDocuments must be ≥ 1 and leaseTtlMs ≥ 30 (got ${batchDocuments}, ${leaseTtlMs})`,
    );
  }
  for (const model of models) assertOutboxField(model.schema, model.modelName);
  const lease = new RelayLease(
    locks ?? first.db.collection<RelayLeaseDocument>('mesh_locks'),
    `${domain}:outbox-relay`,
    owner ?? `${hostname()}:${process.pid}:${uuidv7().slice(-12)}`,
    leaseTtlMs,
  );
  return new OutboxRelay(new MongooseOutboxStore(lease, models, relay.catalog, batchDocuments), {
    pollIntervalMs: 500,
    standbyRetryMs: Math.min(1_000, leaseTtlMs / 3),
    // A holder is judged gone only once its lease expired, long after its last pipeline landed.
    takeoverDelayMs: 0,
    ...relay,
    name: domain,
  });
}
