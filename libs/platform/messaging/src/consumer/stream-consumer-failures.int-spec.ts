import { encodeStreamEntry } from '@mesh/contract-kit';

import { redrive } from '../redrive/redrive';
import { streamKeys } from '../streams/stream-keys';
import { countedEvents, eventually } from '../testing/test-streams';
import { consumerTestKit } from './consumer-test-kit';
import { deadLetterFields } from './dead-letter';
import type { DeliveryInfo } from './delivery';
import { StreamConsumer } from './stream-consumer';

jest.setTimeout(30_000);

const { redis, consumers, setUp, pendingCount, deadLetters } = consumerTestKit();

/** How much earlier the handler may see a delivery than Redis timed it (see the back-off test). */
const CLOCK_SLACK_MS = 5;

describe('StreamConsumer failures', () => {
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
    // Back-off: Redis holds the entry idle ≥ 40 ms before the 2nd delivery, ≥ 80 ms before the 3rd.
    // The handler stamps each attempt a little after Redis stamped its delivery, so the gaps seen
    // here may be a few ms shorter (39 ms once in CI): CLOCK_SLACK_MS allows that, no more.
    expect(attemptTimes[1] - attemptTimes[0]).toBeGreaterThanOrEqual(40 - CLOCK_SLACK_MS);
    expect(attemptTimes[2] - attemptTimes[1]).toBeGreaterThanOrEqual(80 - CLOCK_SLACK_MS);

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
    [
      'a schema violation',
      ['data', '{"itemId":"x","amount":"lots"}'],
      /malformed: .*\/amount must be integer \(type\)/,
    ],
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
    await start({
      handle: async (event) => void handled.push(event.id),
      observer: { problem: (message) => problems.push(message) },
    });
    await publisher.publish(countedEvents(itemCounted, 1)[0]);
    await eventually('first handled', () => handled.length === 1);

    await redis.xgroup('DESTROY', streamKeys.source(stream), 'test-group');
    const later = countedEvents(itemCounted, 1)[0];
    await publisher.publish(later);

    await eventually('handled after the group was recreated', () => handled.includes(later.id));
    expect(problems.some((message) => /was lost; recreating it/.test(message))).toBe(true);
  });

  it('claims the pending entries of a consumer that died', async () => {
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
