import { eventually } from '@mesh/messaging/testing';
import type { Redis } from 'ioredis';

import { inputEventsConsumer } from '../src/ingest/input-events.consumer';
import { groupCaughtUp } from '../src/rebuild/stream-position';

/** Waits until the live group has applied and acknowledged everything on the input streams. */
export async function waitUntilApplied(redis: Redis, timeoutMs = 90_000): Promise<void> {
  await eventually(
    'the analytics group to apply every input event',
    async () => (await Promise.all(inputEventsConsumer.streams.map((stream) => groupCaughtUp(redis, stream, inputEventsConsumer.group)))).every(Boolean),
    timeoutMs,
  );
}
