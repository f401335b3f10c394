import type { EventCatalog } from '@mesh/contract-kit';

import type { ReplicaWait } from '../config/replica-wait';
import type { ReplicasBehind } from './await-replicas';
import type { RelayRedisTarget } from './relay-redis';

/** Hooks through which metrics and logs see the relay; every hook is optional and must not throw. */
export interface OutboxRelayObserver {
  /** A round went out: `published` new entries, `alreadyOnStream` found there after a failure or a takeover. */
  relayed?(round: { published: number; alreadyOnStream: number; durationMs: number }): void;
  /** This relay became the domain's active one (true), or lost or gave up that role (false). */
  activeChanged?(active: boolean): void;
  /** Replicas did not confirm a round's entries in time: its rows stay unsent and the round is retried. */
  replicasBehind?(behind: ReplicasBehind[]): void;
  problem?(message: string, error: unknown): void;
}

/** How a relay runs, whatever its store. */
export interface OutboxRelayOptions {
  /** Names the relay in its messages, e.g. the domain. */
  name: string;
  /** Where to publish; the relay opens a connection of its own (see `relayRedisOptions`). */
  redis: RelayRedisTarget;
  /**
   * Replicas that must hold a round's entries before its rows are marked sent (`redisConfig`'s
   * REDIS_WAIT_REPLICAS and REDIS_WAIT_TIMEOUT_MS). Default: no wait.
   */
  replicaWait?: ReplicaWait;
  /** The contracts of every event type in the outbox (the same catalog as the outbox writer's). */
  catalog: EventCatalog;
  /** Wait between rounds that found nothing, unless the store announces new events sooner. */
  pollIntervalMs?: number;
  /** How often a standby relay tries to become the active one. */
  standbyRetryMs?: number;
  /**
   * Wait after becoming active before the first round, so that a pipeline of XADDs that the
   * previous holder still had in flight lands before the stream tails are read.
   */
  takeoverDelayMs?: number;
  /** Back-off after a failed round: base × 2^(failures − 1), capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Entries read back from each stream's tail, at most, to find events a failed round or a dead relay published. */
  duplicateWindow?: number;
  /** How far the clocks of the writers and of Redis may disagree, for that read-back. */
  clockSkewMs?: number;
  /** Ids of published events remembered, so that an event a store shows again is not published twice. */
  rememberPublished?: number;
  /** How often the store's `removeExpired` runs. */
  cleanupIntervalMs?: number;
  observer?: OutboxRelayObserver;
}

export type ResolvedOutboxRelayOptions = Required<OutboxRelayOptions>;

export function resolveRelayOptions(options: OutboxRelayOptions): ResolvedOutboxRelayOptions {
  const resolved = {
    pollIntervalMs: 1_000,
    standbyRetryMs: 1_000,
    takeoverDelayMs: 500,
    retryBaseMs: 100,
    retryMaxMs: 5_000,
    duplicateWindow: 10_000,
    clockSkewMs: 5_000,
    rememberPublished: 50_000,
    cleanupIntervalMs: 60_000,
    replicaWait: { replicas: 0, timeoutMs: 1_000 },
    ...options,
    observer: options.observer ?? {},
  };
  const positive = ['pollIntervalMs', 'standbyRetryMs', 'retryBaseMs', 'duplicateWindow', 'cleanupIntervalMs'] as const;
  const wrong = positive.filter((name) => !(resolved[name] > 0));
  if (wrong.length > 0) {
    throw new Error(`outbox relay ${options.name}: ${wrong.join(', ')} must be positive`);
  }
  return resolved;
}

export function retryDelayMs(options: ResolvedOutboxRelayOptions, failures: number): number {
  return Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, failures - 1));
}
