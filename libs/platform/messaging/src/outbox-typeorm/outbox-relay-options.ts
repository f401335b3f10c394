import type { EventCatalog } from '@mesh/contract-kit';
import type { RedisOptions } from 'ioredis';
import type { DataSource } from 'typeorm';

/** Hooks through which metrics and logs see the relay; every hook is optional and must not throw. */
export interface OutboxRelayObserver {
  /** A batch went out: `published` new entries, `alreadyOnStream` found there after a failure. */
  relayed?(batch: { published: number; alreadyOnStream: number; durationMs: number }): void;
  /** This relay took the advisory lock (true) or lost or gave it up (false). */
  activeChanged?(active: boolean): void;
  problem?(message: string, error: unknown): void;
}

export interface OutboxRelayOptions {
  /** The domain's data source; the relay keeps one of its pool's connections while active. */
  dataSource: DataSource;
  /** Redis URL or ioredis options; the relay opens its own connection (see OutboxRelay). */
  redis: string | RedisOptions;
  /** The contracts of every event type in the outbox (the same catalog as the TypeormOutbox). */
  catalog: EventCatalog;
  /** Rows per round: one SELECT, one pipeline of XADDs, one UPDATE. */
  batchSize?: number;
  /** Fallback when a NOTIFY is missed (e.g. sent while the relay reconnected). */
  pollIntervalMs?: number;
  /** How often a standby relay tries to take the lock over. */
  lockRetryMs?: number;
  /**
   * Wait after taking the lock before the first batch, so that a pipeline of XADDs that the
   * previous holder still had in flight when its session ended lands before the stream tails
   * are read to skip what it published.
   */
  takeoverDelayMs?: number;
  /** Back-off after a failed round: base × 2^(failures − 1), capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Entries read back from the tail of each stream, after a failure, to skip what is already there. */
  dedupeWindow?: number;
  /** How long sent rows are kept (for inspection) before they are deleted. */
  retentionMs?: number;
  cleanupIntervalMs?: number;
  observer?: OutboxRelayObserver;
}

export type ResolvedOutboxRelayOptions = Required<Omit<OutboxRelayOptions, 'observer'>> & {
  observer: OutboxRelayObserver;
};

export function resolveRelayOptions(options: OutboxRelayOptions): ResolvedOutboxRelayOptions {
  const batchSize = options.batchSize ?? 500;
  const resolved = {
    batchSize,
    pollIntervalMs: 1_000,
    lockRetryMs: 1_000,
    takeoverDelayMs: 500,
    retryBaseMs: 100,
    retryMaxMs: 5_000,
    // Twice a batch: what a failed pipeline may have written, with room for a smaller old batch size.
    dedupeWindow: 2 * batchSize,
    retentionMs: 60 * 60 * 1_000,
    cleanupIntervalMs: 60_000,
    ...options,
    observer: options.observer ?? {},
  };
  if (resolved.batchSize < 1 || resolved.dedupeWindow < resolved.batchSize) {
    throw new Error(
      `outbox relay: batchSize must be ≥ 1 and dedupeWindow ≥ batchSize (got ${resolved.batchSize}, ${resolved.dedupeWindow})`,
    );
  }
  return resolved;
}

export function retryDelayMs(options: ResolvedOutboxRelayOptions, failures: number): number {
  return Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, failures - 1));
}
