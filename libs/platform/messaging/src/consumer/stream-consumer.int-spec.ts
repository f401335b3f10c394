import { createEvent, EventCatalog, encodeStreamEntry } from '@mesh/contract-kit';
import { Redis } from 'ioredis';

import { EventPublisher } from '../publisher/event-publisher';
import { redrive } from '../redrive/redrive';
import { streamKeys } from '../streams/stream-keys';
import { countedEvents, deleteStreamKeys, eventually, redisUrl, testStream } from '../testing/test-streams';
import type { StreamConsumerOptions } from './consumer-options';
import { deadLetterFields } from './dead-letter';
import type { DeliveryInfo } from './delivery';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { StreamConsumer } from './stream-consumer';

jest.setTimeout(30_000);

const redis = new Redis(redisUrl());
const consumers: StreamConsumer[] = [];
const streams: string[] = [];

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  await Promise.all(streams.splice(0).map((stream) => deleteStreamKeys(redis, stream)));
});

afterAll(() => redis.quit());

function setUp() {
  const streamSet = testStream();
  streams.push(streamSet.stream);
  const publisher = new EventPublisher(redis, streamSet.catalog);
  const start = async (options: Partial<StreamConsumerOptions> & Pick<StreamConsumerOptions, 'handle'>) => {
    const consumer = new StreamConsumer({
      redis,
      group: 'test-group',
      consumer: 'consumer-1',
      streams: [streamSet.stream],
      catalog: streamSet.catalog,
      handles: (type) => type === 'test.item.counted',
      startFrom: 'beginning',
      retryBaseMs: 40,
      claimIntervalMs: 25,
      blockMs: 200,
      ...options,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };
  return { ...streamSet, publisher, start };
}

async function pendingCount(key: string, group: string): Promise<number> {
  const [count] = (await redis.xpending(key, group)) as [number];
  return count;
}

async function deadLetters(stream: string, group: string) {
  const entries = (await redis.xrange(streamKeys.deadLetter(stream, group), '-', '+')) as Array<[string, string[]]>;
  return entries.map(([, fields]) => {
    const values: Record<string, string> = {};
    for (let index = 0; index < fields.length; index += 2) values[fields[index]] = fields[index + 1];
    return values;
  });
}

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
    await start({ handle: async (event) => void handled.push(event.type), observer: { skipped: (_d, type) => skipped.push(type) } });
    await publisher.publish(createEvent(itemNoted, { subject: 'i', data: { itemId: 'i', note: 'hello' } }));
    await eventually('skipped', () => skipped.length === 1);
    expect(handled).toEqual([]);
    await eventually('no pending', async () => (await pendingCount(streamKeys.source(stream), 'test-group')) === 0);
  });

  describe('failures', () => {
    it('retries a failing event with growing back-off, dead-letters it after maxDeliveries, and the rest flow', async () => {
      const { stream, itemCounted, publisher, start } = setUp();
      const events = countedEvents(itemCounted, 50);
      const poison = events[10];
      const attempts: DeliveryInfo[] = [];
      const attemptTimes: number[] = [];
      const handled = new Set<string>();
      await start({
        maxDeliveries: 3,
        handle: async (event, delivery) => {
          if (event.id === poison.id) {
            attempts.push(delivery);
            attemptTimes.push(Date.now());
            throw new Error('cannot digest this item');
          }
          handled.add(event.id);
        },
      });
      await publisher.publishBatch(events);

      await eventually('dead letter', async () => (await deadLetters(stream, 'test-group')).length === 1);
      await eventually('the other 49 handled', () => handled.size === 49);
      expect(handled.has(poison.id)).toBe(false);
      expect(attempts.map((attempt) => attempt.deliveryCount)).toEqual([1, 2, 3]);
      // Back-off: ≥ 40 ms before the 2nd delivery, ≥ 80 ms before the 3rd.
      expect(attemptTimes[1] - attemptTimes[0]).toBeGreaterThanOrEqual(40);
      expect(attemptTimes[2] - attemptTimes[1]).toBeGreaterThanOrEqual(80);

      const [letter] = await deadLetters(stream, 'test-group');
      expect(letter).toMatchObject({
        id: poison.id,
        [deadLetterFields.reason]: 'handler failed 3 times',
        [deadLetterFields.error]: 'cannot digest this item',
        [deadLetterFields.deliveries]: '3',
        [deadLetterFields.stream]: stream,
        [deadLetterFields.group]: 'test-group',
      });
      expect(letter[deadLetterFields.stack]).toMatch(/^Error: cannot digest this item\n\s+at /);
      await eventually('no pending', async () => (await pendingCount(streamKeys.source(stream), 'test-group')) === 0);
    });

    it('redrives dead letters to the failing group only, where they are handled once', async () => {
      const { stream, itemCounted, publisher, start } = setUp();
      let healed = false;
      const seenByFailing: string[] = [];
      const seenByOther: string[] = [];
      await start({
        maxDeliveries: 1,
        handle: async (event) => {
          if (!healed && event.subject === 'item-0') throw new Error('dependency down');
          seenByFailing.push(event.id);
        },
      });
      await start({ group: 'other-group', handle: async (event) => void seenByOther.push(event.id) });
      const events = countedEvents(itemCounted, 5);
      await publisher.publishBatch(events);
      await eventually('dead letter', async () => (await deadLetters(stream, 'test-group')).length === 1);
      await eventually('other group done', () => seenByOther.length === 5);

      healed = true;
      expect(await redrive(redis, stream, 'test-group')).toEqual({ redriven: 1 });

      await eventually('redriven event handled', () => seenByFailing.includes(events[0].id));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seenByFailing.filter((id) => id === events[0].id)).toHaveLength(1);
      expect(seenByOther).toHaveLength(5);
      expect(await deadLetters(stream, 'test-group')).toEqual([]);
      expect(await redis.xlen(streamKeys.source(stream))).toBe(5);
    });

    it.each([
      ['data that is not JSON', ['data', '{not json'], /malformed: data is not JSON/],
      ['an unknown type', ['type', 'test.item.vanished'], /malformed: unknown event type "test.item.vanished"/],
      ['a schema violation', ['data', '{"itemId":"x","amount":"lots"}'], /malformed: .*\/amount must be integer \(type\)/],
      ['a missing id', ['id', ''], /malformed: missing attribute\(s\): id/],
    ])('dead-letters an entry with %s at once, with the reason, and keeps consuming', async (_case, change, reason) => {
      const { stream, itemCounted, publisher, start } = setUp();
      const handled: string[] = [];
      await start({ handle: async (event) => void handled.push(event.id) });

      const [template, after] = countedEvents(itemCounted, 2);
      const fields = encodeStreamEntry(template);
      fields[fields.indexOf(change[0]) + 1] = change[1];
      await redis.xadd(streamKeys.source(stream), '*', ...fields);
      await publisher.publish(after);

      await eventually('later event handled', () => handled.includes(after.id));
      const letters = await deadLetters(stream, 'test-group');
      expect(letters).toHaveLength(1);
      expect(letters[0][deadLetterFields.reason]).toMatch(reason);
      expect(letters[0][deadLetterFields.deliveries]).toBe('1');
      expect(handled).toEqual([after.id]);
    });

    it('recreates a lost consumer group instead of crashing', async () => {
      const { stream, itemCounted, publisher, start } = setUp();
      const handled: string[] = [];
      const problems: string[] = [];
      await start({ handle: async (event) => void handled.push(event.id), observer: { problem: (message) => problems.push(message) } });
      await publisher.publish(countedEvents(itemCounted, 1)[0]);
      await eventually('first handled', () => handled.length === 1);

      await redis.xgroup('DESTROY', streamKeys.source(stream), 'test-group');
      const later = countedEvents(itemCounted, 1)[0];
      await publisher.publish(later);

      await eventually('handled after the group was recreated', () => handled.includes(later.id));
      expect(problems.some((message) => /was lost; recreating it/.test(message))).toBe(true);
    });

    it("claims the pending entries of a consumer that died", async () => {
      const { stream, itemCounted, catalog, publisher } = setUp();
      const key = streamKeys.source(stream);
      await redis.xgroup('CREATE', key, 'test-group', '0', 'MKSTREAM');
      const events = countedEvents(itemCounted, 20);
      await publisher.publishBatch(events);
      // A consumer read them and died before acknowledging.
      await redis.xreadgroup('GROUP', 'test-group', 'dead-consumer', 'COUNT', 20, 'STREAMS', key, '>');

      const handled: Array<[string, number]> = [];
      const consumer = new StreamConsumer({
        redis,
        group: 'test-group',
        consumer: 'survivor',
        streams: [stream],
        catalog,
        handles: () => true,
        handle: async (event, delivery) => void handled.push([event.id, delivery.deliveryCount]),
        retryBaseMs: 40,
        claimIntervalMs: 25,
        blockMs: 200,
      });
      consumers.push(consumer);
      await consumer.start();

      await eventually('all 20 claimed and handled', () => handled.length === 20);
      expect(new Set(handled.map(([id]) => id))).toEqual(new Set(events.map((event) => event.id)));
      expect(handled.every(([, deliveries]) => deliveries === 2)).toBe(true);
      await eventually('no pending', async () => (await pendingCount(key, 'test-group')) === 0);
    });
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
