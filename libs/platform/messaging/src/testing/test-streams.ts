import { createEvent, defineEvent, EventCatalog, EventContract, EventEnvelope } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';
import { z } from 'zod';

import { streamKeys } from '../streams/stream-keys';
import { keysEverywhere } from './test-redis';

let streamCounter = 0;

/** A fresh stream name and its contracts, so tests never see each other's entries. */
export function testStream() {
  streamCounter += 1;
  const stream = `test.item.v${process.pid}x${Date.now().toString(36)}x${streamCounter}`;
  const itemCounted = defineEvent({
    type: 'test.item.counted',
    version: 1,
    source: '/test',
    stream,
    description: 'An item was counted.',
    schema: z.object({ itemId: z.string().min(1), amount: z.int() }),
    example: { itemId: 'a', amount: 1 },
  });
  const itemNoted = defineEvent({
    type: 'test.item.noted',
    version: 1,
    source: '/test',
    stream,
    description: 'A note about an item; consumers may ignore it.',
    schema: z.object({ itemId: z.string(), note: z.string() }),
    example: { itemId: 'a', note: 'n' },
  });
  const contracts: EventContract[] = [itemCounted, itemNoted];
  return { stream, itemCounted, itemNoted, contracts, catalog: new EventCatalog(contracts) };
}

export function countedEvents(
  contract: EventContract<{ itemId: string; amount: number }>,
  count: number,
  subjects = count,
): EventEnvelope[] {
  return Array.from({ length: count }, (_, index) =>
    createEvent(contract, {
      subject: `item-${index % subjects}`,
      data: { itemId: `item-${index % subjects}`, amount: index },
    }),
  );
}

export function redisUrl(): string {
  return process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

export async function deleteStreamKeys(redis: RedisClient, stream: string): Promise<void> {
  // Every key of a stream shares its hash tag, so one DEL takes them all, on a cluster too.
  const keys = await keysEverywhere(redis, `${streamKeys.source(stream)}*`);
  if (keys.length > 0) await redis.del(...keys);
}

/**
 * Polls `done` until it returns true, for work whose duration depends on the machine's load (a
 * consumer draining thousands of events): fails only when `progress` has not moved for `stallMs`,
 * or at `capMs` in any case, so a slow machine passes and a stuck consumer still fails.
 */
export async function eventuallyWhileProgressing(
  what: string,
  done: () => Promise<boolean>,
  progress: () => Promise<number | string>,
  { stallMs, capMs }: { stallMs: number; capMs: number },
): Promise<void> {
  const cap = Date.now() + capMs;
  let last = await progress();
  let movedAt = Date.now();
  while (!(await done())) {
    const now = Date.now();
    const current = await progress();
    if (current !== last) [last, movedAt] = [current, now];
    if (now - movedAt > stallMs)
      throw new Error(`timed out waiting for ${what}: no progress for ${stallMs / 1000} s at ${current}`);
    if (now > cap) throw new Error(`timed out waiting for ${what}: still at ${current} after ${capMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes (then fails with `what`). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
