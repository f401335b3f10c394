import type { EventCatalog } from '@mesh/contract-kit';
import type { Redis } from 'ioredis';
import type { Connection, mongo, Schema } from 'mongoose';
import { hostname } from 'node:os';
import { v7 as uuidv7 } from 'uuid';

import type { RelayLeaseDocument } from './relay-lease';

/** A Mongoose model whose documents carry an outbox field; any `Model` fits. */
export interface MongoOutboxSource {
  readonly modelName: string;
  readonly schema: Schema;
  readonly collection: mongo.Collection;
  readonly db: Connection;
}

/** Hooks through which logs and metrics see the relay; each is optional and must not throw. */
export interface MongoOutboxRelayObserver {
  /** A round published `published` events and found `duplicates` already on their streams. */
  published?(published: number, duplicates: number): void;
  leaseAcquired?(owner: string): void;
  leaseLost?(owner: string): void;
  problem?(message: string, error: unknown): void;
}

export interface MongoOutboxRelayOptions {
  /** The domain whose events are relayed; names the lease, so one relay per domain is active. */
  domain: string;
  /** Every model that gets events through `MongoOutbox`; each needs `outboxPlugin`. */
  models: readonly MongoOutboxSource[];
  /** Duplicated into a connection of the relay's own that fails fast while Redis is down. */
  redis: Redis;
  /** The contracts of every event type the models carry. */
  catalog: EventCatalog;
  /** Names this replica in the lease; defaults to host, pid and a random part. */
  owner?: string;
  /** Where the lease lives; defaults to the `mesh_locks` collection of the first model's database. */
  locks?: mongo.Collection<RelayLeaseDocument>;
  /** Pause between rounds that found nothing (there are no change streams to wait on). */
  pollIntervalMs?: number;
  /** Documents read per model and round. */
  batchDocuments?: number;
  /** Lifetime of the lease; it is renewed every third of it. */
  leaseTtlMs?: number;
  /** Cap of the back-off after failures, which starts at the poll interval and doubles. */
  maxBackoffMs?: number;
  /** Stream entries read back, at most, to find events that a failed round did publish. */
  duplicateWindow?: number;
  /** How far the clocks of this host and Redis may disagree, for that read-back. */
  clockSkewMs?: number;
  /** Ids of published events remembered, so that events put back by a lost removal are not published again. */
  rememberPublished?: number;
  observer?: MongoOutboxRelayObserver;
}

export type ResolvedRelayOptions = Required<Omit<MongoOutboxRelayOptions, 'locks'>> & {
  locks: mongo.Collection<RelayLeaseDocument>;
};

export function resolveRelayOptions(options: MongoOutboxRelayOptions): ResolvedRelayOptions {
  const [first] = options.models;
  if (!first) {
    throw new Error(`outbox relay of ${options.domain}: no models to relay from`);
  }
  const resolved = {
    owner: `${hostname()}:${process.pid}:${uuidv7().slice(-12)}`,
    pollIntervalMs: 500,
    batchDocuments: 100,
    leaseTtlMs: 15_000,
    maxBackoffMs: 10_000,
    duplicateWindow: 10_000,
    clockSkewMs: 5_000,
    rememberPublished: 50_000,
    observer: {},
    ...options,
    locks: options.locks ?? first.db.collection<RelayLeaseDocument>('mesh_locks'),
  };
  if (resolved.pollIntervalMs <= 0 || resolved.batchDocuments < 1 || resolved.leaseTtlMs < 30) {
    throw new Error(`outbox relay of ${options.domain}: pollIntervalMs, batchDocuments and leaseTtlMs are too small`);
  }
  return resolved;
}
