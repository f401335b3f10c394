import type { MeshApi } from '@mesh/mesh-e2e';
import { randomUUID } from 'node:crypto';

import { benchOrder } from '../http/seed-data';
import { type LatencySummary, summarizeLatencies } from '../stats/percentile';
import { ProjectionWatch } from './projection-watch';

export interface EndToEndOptions {
  rate: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** How long after the last order a missing projection still counts as late rather than lost. */
  drainMs: number;
  pollIntervalMs: number;
}

export interface EndToEndResult {
  /** Orders per second actually sent over the measured part. */
  sentPerSecond: number;
  /** From sending POST /orders to its 201. */
  http: LatencySummary;
  /** From sending POST /orders until analytics' projections hold the order. */
  projection: LatencySummary;
  /** Measured orders not accepted (not 201), or never seen in the projections. */
  refused: number;
  lost: number;
  /** Orders placed, the warm-up's included: what the phase's CPU time is divided by. */
  placed: number;
}

/**
 * Places orders at a fixed rate (an open loop: each is sent when due, whatever the answers
 * before it) through the orders API and times each until the analytics projections hold it:
 * HTTP, outbox, relay, Redis stream, analytics consumer, projection commit. Orders of the
 * warm-up are placed but not measured.
 */
export async function measureOrderToProjection(
  target: { orders: MeshApi; analyticsDatabaseUrl: string; customerIds: readonly string[] },
  options: EndToEndOptions,
): Promise<EndToEndResult> {
  const watch = await ProjectionWatch.open(target.analyticsDatabaseUrl, options.pollIntervalMs);
  const total = Math.round(options.rate * (options.warmupSeconds + options.durationSeconds));
  const warmup = Math.round(options.rate * options.warmupSeconds);
  const httpMs: number[] = [];
  const projectionMs: number[] = [];
  let refused = 0;
  const placing: Promise<void>[] = [];
  const projected: Promise<void>[] = [];
  const placeOne = async (n: number) => {
    const sentAt = performance.now();
    const customerId = target.customerIds[n % target.customerIds.length];
    const answer = await target.orders.call<{ id: string }>({
      method: 'POST',
      path: '/orders',
      body: { customerId, ...benchOrder(n) },
      headers: { 'idempotency-key': randomUUID() },
    });
    const measured = n >= warmup;
    if (answer.kind !== 'answer' || answer.status !== 201) {
      if (measured) refused += 1;
      return;
    }
    if (measured) httpMs.push(performance.now() - sentAt);
    const seen = watch.seen(answer.body.id);
    if (measured) projected.push(seen.then((seenAt) => void projectionMs.push(seenAt - sentAt)));
  };
  try {
    const started = performance.now();
    let measuredFrom = started;
    for (let sent = 0; sent < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - started) * options.rate) / 1_000));
      for (; sent < due; sent += 1) {
        if (sent === warmup) measuredFrom = performance.now();
        placing.push(placeOne(sent));
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const sentPerSecond = ((total - warmup) * 1_000) / (performance.now() - measuredFrom);
    await Promise.all(placing);
    await Promise.race([Promise.all(projected), new Promise((resolve) => setTimeout(resolve, options.drainMs))]);
    const measured = total - warmup;
    return {
      sentPerSecond,
      http: summarizeLatencies(httpMs),
      projection: summarizeLatencies(projectionMs),
      refused,
      lost: measured - refused - projectionMs.length,
      placed: total,
    };
  } finally {
    await watch.close();
  }
}
