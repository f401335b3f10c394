import type { RedisClient } from '@mesh/service';
import { setTimeout as sleep } from 'node:timers/promises';

import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, testStream } from '../testing/test-streams';
import { trimStream } from './trim-stream';

/**
 * A live group acknowledges while the trimmer reads: here, right after XINFO GROUPS reported an
 * entry pending and before XPENDING asks which. Both reads go to the real Redis; the client only
 * lets the group's XACK land between them, as a consumer on another connection does at any time.
 */
function ackingBetweenReads(redis: RedisClient, ack: () => Promise<unknown>): RedisClient {
  return new Proxy(redis, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'xinfo' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const groups = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
        await ack();
        return groups;
      };
    },
  });
}

describe('trimStream while a group acknowledges', () => {
  const redis = testRedis();
  const { stream, itemCounted, catalog } = testStream();
  const key = streamKeys.source(stream);

  afterAll(async () => {
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('trims when the entry XINFO GROUPS saw pending was acknowledged before XPENDING', async () => {
    await redis.xgroup('CREATE', key, 'live', '0', 'MKSTREAM');
    await new EventPublisher(redis, catalog).publishBatch(countedEvents(itemCounted, 5));
    const read = (await redis.xreadgroup('GROUP', 'live', 'c', 'COUNT', 5, 'STREAMS', key, '>')) as Array<
      [string, Array<[string, string[]]>]
    >;
    const ids = read[0][1].map(([id]) => id);
    // With no window, the trimmer keeps entries of the millisecond it starts in (XTRIM MINID keeps
    // ids ≥ now-0): let the clock move past the entries' millisecond, as it always has in a live stream.
    await sleep(5);

    const trimmer = ackingBetweenReads(redis, () => redis.xack(key, 'live', ...ids));
    const result = await trimStream(trimmer, stream, { windowMs: 0, capMs: 3_600_000 });

    // Everything was delivered and, by the time of XPENDING, acknowledged: all of it may go.
    expect(result.behind).toEqual([]);
    expect(result.trimmed).toBe(5);
  });
});
