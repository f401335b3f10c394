import { Redis } from 'ioredis';

import { EventPublisher } from '../publisher/event-publisher';
import { FreezableProxy } from '../testing/freezable-proxy';
import { countedEvents, deleteStreamKeys, eventually, redisUrl, testStream } from '../testing/test-streams';
import { StreamConsumer } from './stream-consumer';

describe('the blocking reader watchdog', () => {
  const target = new URL(redisUrl());
  const proxy = new FreezableProxy({ host: target.hostname, port: Number(target.port || 6379) });
  const direct = new Redis(redisUrl());
  const { stream, itemCounted, catalog } = testStream();
  let viaProxy: Redis;

  beforeAll(async () => {
    viaProxy = new Redis({ host: '127.0.0.1', port: await proxy.listen() });
  });

  afterAll(async () => {
    viaProxy.disconnect();
    await proxy.close();
    await deleteStreamKeys(direct, stream);
    await direct.quit();
  });

  it('replaces a reader connection that went silent, and keeps consuming', async () => {
    const handled: string[] = [];
    const problems: string[] = [];
    const consumer = new StreamConsumer({
      redis: viaProxy,
      group: 'watched',
      consumer: 'c1',
      streams: [stream],
      catalog,
      handles: () => true,
      handle: async (event) => void handled.push(event.id),
      blockMs: 100,
      watchdogMs: 300,
      observer: { problem: (message, error) => problems.push(`${message}: ${(error as Error)?.message}`) },
    });
    await consumer.start();
    const publisher = new EventPublisher(direct, catalog);
    const [before, after] = countedEvents(itemCounted, 2);
    await publisher.publish(before);
    await eventually('first event', () => handled.length === 1);

    expect(proxy.freezeConnectionsThatSent('mesh-stream-reader')).toBe(1);
    await publisher.publish(after);

    await eventually('second event through a new reader connection', () => handled.includes(after.id), 5_000);
    expect(problems.some((problem) => /XREADGROUP did not return 400 ms after it was sent/.test(problem))).toBe(true);
    await consumer.stop();
  });
});
