import type { EventEnvelope } from '@mesh/contract-kit';

import type { BusBenchOptions } from './bench-options';
import type { ConsumeResult, LatencyResult } from './phases';

export interface BenchContext {
  options: BusBenchOptions;
  /** Part of every Redis key, channel and queue name of this run; the runner deletes them all. */
  runId: string;
}

/** One way of moving events through Redis, measured in three phases, in this order. */
export interface BusContender {
  readonly label: string;
  /** What a reader of the table must know about how this contender was measured. */
  readonly notes: readonly string[];
  /** Publishes `events` in batches; no consumer runs. Returns events per second. */
  publish(events: readonly EventEnvelope[]): Promise<number>;
  /** Consumes the events of the publish phase (a pub/sub contender has to send them again). */
  consume(events: readonly EventEnvelope[]): Promise<ConsumeResult>;
  /** Publish→handler latency at the fixed rate, with a fresh consumer. */
  latency(events: readonly EventEnvelope[]): Promise<LatencyResult>;
  close(): Promise<void>;
}
