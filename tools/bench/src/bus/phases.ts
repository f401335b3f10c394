import type { EventEnvelope } from '@mesh/contract-kit';

import { LatencySummary, summarizeLatencies } from '../stats/percentile';
import { eventsPerSecond } from '../stats/rate';
import { Arrivals } from './arrivals';
import type { BusBenchOptions } from './bench-options';

export type PublishBatch = (events: readonly EventEnvelope[]) => Promise<unknown>;

/** How long a contender may go without delivering anything before the rest counts as lost. */
export const drainIdleMs = 5_000;

/** Publishes `events` batch after batch, each awaited; returns events per second. */
export async function measurePublish(events: readonly EventEnvelope[], batchSize: number, publish: PublishBatch) {
  const started = performance.now();
  for (let offset = 0; offset < events.length; offset += batchSize) {
    await publish(events.slice(offset, offset + batchSize));
  }
  return eventsPerSecond(events.length, performance.now() - started);
}

export interface ConsumeResult {
  perSecond: number;
  lost: number;
}

/**
 * Consume throughput: from `start` (which starts the consumer, and for a pub/sub contender
 * publishes too) until `arrivals` counted every event and `settled` (acks sent) resolved.
 */
export async function measureConsume(
  expected: number,
  arrivals: Arrivals,
  start: () => Promise<void>,
  settled: () => Promise<void> = async () => undefined,
): Promise<ConsumeResult> {
  const started = performance.now();
  await start();
  await arrivals.waitFor(expected, drainIdleMs);
  await settled();
  return { perSecond: eventsPerSecond(arrivals.count, performance.now() - started), lost: expected - arrivals.count };
}

export interface LatencyResult extends LatencySummary {
  sent: number;
  lost: number;
}

/** The events the latency phase sends: warm-up plus measured seconds at the rate. */
export function latencyEventCount(options: Pick<BusBenchOptions, 'rate' | 'durationSeconds' | 'warmupSeconds'>) {
  return Math.round(options.rate * (options.warmupSeconds + options.durationSeconds));
}

/**
 * Publishes at a fixed rate (each millisecond, what is due by then) to a consumer that is
 * already running; events after the warm-up are marked when sent and timed when handled.
 */
export async function measureLatency(
  events: readonly EventEnvelope[],
  options: Pick<BusBenchOptions, 'rate' | 'durationSeconds' | 'warmupSeconds'>,
  arrivals: Arrivals,
  publish: PublishBatch,
): Promise<LatencyResult> {
  const total = latencyEventCount(options);
  if (events.length < total) throw new Error(`the latency phase needs ${total} events, got ${events.length}`);
  const warmup = Math.round(options.rate * options.warmupSeconds);
  const publishing: Promise<unknown>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * options.rate) / 1_000)) - sent;
    if (due > 0) {
      const batch = events.slice(sent, sent + due);
      arrivals.markSent(batch.slice(Math.max(0, warmup - sent)).map((event) => event.id));
      publishing.push(publish(batch));
      sent += due;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(publishing);
  await arrivals.waitFor(total, drainIdleMs);
  return { ...summarizeLatencies(arrivals.latenciesMs), sent: total, lost: total - arrivals.count };
}
