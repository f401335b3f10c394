import { createEvent, EventCatalog } from '@mesh/contract-kit';
import { Redis } from 'ioredis';

import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { countedEvents, eventually, testStream } from '../testing/test-streams';
import { consumerTestKit } from './consumer-test-kit';
import { StreamConsumer } from './stream-consumer';

jest.setTimeout(30_000);

const { redis, streams, setUp, pendingCount } = consumerTestKit();

describe('StreamConsumer', () => {
  it('hands every event to the handler once and acknowledges it', async () => {
    const { stream, itemCounted, publisher, start } = setUp();
    const seen: string[] = [];
    await start({ handle: async (event) => void seen.push(event.id) });

    const events = countedEvents(itemCounted, 500);
    await publisher.publishBatch(events);

    await eventually('500 handled', () => seen.length === 500);
    expect(new Set(seen)).toEqual(new Set(events.map((event) => event.id)));
    await eventually('no pending', async () => (await pendingCount(streamKeys.source(stream), 'test-group')) === 0);
  });

  it('never runs more handlers at once than its concurrency', async () => {
    const { itemCounted, publisher, start } = setUp();
    let running = 0;
    let highest = 0;
    let handled = 0;
    await start({
      concurrency: 4,
      handle: async () => {
        running += 1;
        highest = Math.max(highest, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        handled += 1;
      },
    });
    await publisher.publishBatch(countedEvents(itemCounted, 60));
    await eventually('60 handled', () => handled === 60);
    // Free slots are split between the stream and its redrive stream, so not every read fills all 4.
    expect(highest).toBeGreaterThan(1);
    expect(highest).toBeLessThanOrEqual(4);
  });

  it('never runs more handlers at once than its concurrency when it reads several streams', async () => {
    // XREADGROUP applies COUNT to each stream: a read must not fetch `free` entries from each.
    const first = setUp();
    const second = testStream();
    streams.push(second.stream);
    let running = 0;
    let highest = 0;
    let handled = 0;
    await first.start({
      concurrency: 4,
      streams: [first.stream, second.stream],
      catalog: new EventCatalog([first.itemCounted, { ...second.itemCounted, type: 'test.item.counted-too' }]),
      handles: () => true,
      handle: async () => {
        running += 1;
        highest = Math.max(highest, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        handled += 1;
      },
    });
    const secondContract = { ...second.itemCounted, type: 'test.item.counted-too' };
    await first.publisher.publishBatch(countedEvents(first.itemCounted, 40));
    await new EventPublisher(redis, new EventCatalog([secondContract])).publishBatch(countedEvents(secondContract, 40));
    await eventually('80 handled', () => handled === 80);
    expect(highest).toBeGreaterThan(1);
    expect(highest).toBeLessThanOrEqual(4);
  });

  it('keeps stream order per subject when asked, with subjects interleaved', async () => {
    const { itemCounted, publisher, start } = setUp();
    const amountsBySubject = new Map<string, number[]>();
    let handled = 0;
    await start({
      orderBySubject: true,
      concurrency: 16,
      handle: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
        const data = event.data as { amount: number };
        amountsBySubject.set(event.subject, [...(amountsBySubject.get(event.subject) ?? []), data.amount]);
        handled += 1;
      },
    });
    await publisher.publishBatch(countedEvents(itemCounted, 200, 5));
    await eventually('200 handled', () => handled === 200);
    for (const amounts of amountsBySubject.values()) {
      expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    }
  });

  it('acknowledges and skips known event types it has no handler for', async () => {
    const { stream, itemNoted, publisher, start } = setUp();
    const handled: string[] = [];
    const skipped: string[] = [];
    await start({
      handle: async (event) => void handled.push(event.type),
      observer: { skipped: (_d, type) => skipped.push(type) },
    });
    await publisher.publish(createEvent(itemNoted, { subject: 'i', data: { itemId: 'i', note: 'hello' } }));
    await eventually('skipped', () => skipped.length === 1);
    expect(handled).toEqual([]);
    await eventually('no pending', async () => (await pendingCount(streamKeys.source(stream), 'test-group')) === 0);
  });

  it('finishes in-flight handlers on stop and leaves nothing finished pending', async () => {
    const { stream, itemCounted, publisher, start } = setUp();
    let started = 0;
    let finished = 0;
    const consumer = await start({
      concurrency: 10,
      handle: async () => {
        started += 1;
        await new Promise((resolve) => setTimeout(resolve, 150));
        finished += 1;
      },
    });
    await publisher.publishBatch(countedEvents(itemCounted, 10));
    await eventually('handlers started', () => started >= 4 && finished === 0);

    await consumer.stop();

    expect(finished).toBe(started);
    expect(await pendingCount(streamKeys.source(stream), 'test-group')).toBe(0);
  });
});

describe('a consumer that cannot start', () => {
  it('holds no Redis connection of its own, so nothing keeps reconnecting', async () => {
    // A server of the test's own: CLIENT LIST then shows only this test's connections.
    const server = await KillableRedisServer.start();
    const client = new Redis(server.url);
    try {
      const { stream, catalog } = testStream();
      // A plain string where the stream should be: XGROUP CREATE fails with WRONGTYPE.
      await client.set(streamKeys.source(stream), 'not a stream');
      const consumer = new StreamConsumer({
        redis: client,
        group: 'test-group',
        consumer: 'consumer-1',
        streams: [stream],
        catalog,
        handles: () => true,
        handle: async () => undefined,
      });
      await expect(consumer.start()).rejects.toThrow(/creating consumer group test-group on .* failed: WRONGTYPE/);
      const clients = (await client.client('LIST')) as string;
      expect(clients.trim().split('\n')).toHaveLength(1);
      await consumer.stop();
    } finally {
      client.disconnect();
      await server.kill();
    }
  });
});
