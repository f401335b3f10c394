import type { EventCatalog } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

import type { ConsumerObserver } from './consumer-observer';
import type { EventHandler } from './delivery';

export interface StreamConsumerOptions {
  /** Command connection (acks, claims, dead letters); the consumer duplicates it for its blocking reads. */
  redis: RedisClient;
  /** One consumer group per consuming service and purpose, e.g. `analytics`. */
  group: string;
  /** One consumer per replica, e.g. the host name and pid. */
  consumer: string;
  /** Stream (output port) names to read, e.g. `orders.order.v1`. */
  streams: string[];
  /** The contracts of every event type these streams carry (unknown types are dead-lettered). */
  catalog: EventCatalog;
  handle: EventHandler;
  /** Types with a handler; events of other known types are acknowledged and skipped. */
  handles: (type: string) => boolean;
  /** Where a new group starts: `new` entries only, or the `beginning` of the retained history. */
  startFrom?: 'new' | 'beginning';
  /** Handlers running at once. */
  concurrency?: number;
  /** Entries per XREADGROUP. */
  batchSize?: number;
  /** Handle events of one subject one after another, in stream order. */
  orderBySubject?: boolean;
  /** Deliveries before an entry moves to the dead-letter stream. */
  maxDeliveries?: number;
  /** Idle time before a failed entry is retried: base × 2^(deliveries − 1), capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How often pending entries are examined for retry. */
  claimIntervalMs?: number;
  blockMs?: number;
  /** A blocking read that has not returned this long after its BLOCK time is a hung connection. */
  watchdogMs?: number;
  /** How long `stop()` waits for in-flight handlers. */
  shutdownTimeoutMs?: number;
  /** Another consumer of the group idle this long with nothing pending is a crashed replica's, and removed. */
  idleConsumerMs?: number;
  observer?: ConsumerObserver;
}

export type ResolvedConsumerOptions = Required<Omit<StreamConsumerOptions, 'observer'>> & {
  observer: ConsumerObserver;
};

export function resolveConsumerOptions(options: StreamConsumerOptions): ResolvedConsumerOptions {
  const resolved = {
    startFrom: 'new' as const,
    concurrency: 64,
    batchSize: 100,
    orderBySubject: false,
    maxDeliveries: 5,
    retryBaseMs: 1_000,
    retryMaxMs: 60_000,
    claimIntervalMs: 1_000,
    blockMs: 2_000,
    watchdogMs: 5_000,
    shutdownTimeoutMs: 10_000,
    idleConsumerMs: 600_000,
    ...options,
    observer: options.observer ?? {},
  };
  if (resolved.streams.length === 0) {
    throw new Error(`consumer group ${resolved.group}: no streams to read`);
  }
  if (resolved.maxDeliveries < 1 || resolved.concurrency < 1 || resolved.batchSize < 1) {
    throw new Error(`consumer group ${resolved.group}: maxDeliveries, concurrency and batchSize must be ≥ 1`);
  }
  return resolved;
}

/** Idle time after which a pending entry with `deliveryCount` deliveries is retried. */
export function retryDelayMs(options: Pick<ResolvedConsumerOptions, 'retryBaseMs' | 'retryMaxMs'>, deliveryCount: number) {
  return Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, deliveryCount - 1));
}
