
import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { deleteConsumer, readConsumers } from './consumer-cleanup';
import { StreamConsumer } from './stream-consumer';

jest.setTimeout(30_000);

describe('consumers leave no trace', () => {
  const redis = testRedis();
  const { stream, itemCounted, catalog } = testStream();
  const key = streamKeys.source(stream);
  const publisher = new EventPublisher(redis, catalog);
  const consumerNames = async () => (await readConsumers(redis, key, 'g')).map((consumer) => consumer.name).sort();
  const consumer = (name: string, handle: () => Promise<void>, idleConsumerMs = 600_000) =>
    new StreamConsumer({
      redis,
      group: 'g',
      consumer: name,
      streams: [stream],
      catalog,
      handles: () => true,
      handle,
      blockMs: 100,
      retryBaseMs: 50,
      claimIntervalMs: 50,
      idleConsumerMs,
    });

  afterAll(async () => {
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('a replica that stops with nothing pending leaves the group', async () => {
    let handled = 0;
    const a = consumer('a', async () => void (handled += 1));
    await a.start();
    await publisher.publishBatch(countedEvents(itemCounted, 20));
    await eventually('all handled', () => handled === 20);
    // Redis makes a consumer when a read first delivers to it.
    expect(await consumerNames()).toEqual(['a']);

    await a.stop();
    expect(await consumerNames()).toEqual([]);
  });

  it('a replica that stops with an entry pending stays, until a survivor has claimed it and finds it idle', async () => {
    const failing = consumer('failing', () => Promise.reject(new Error('not now')));
    await failing.start();
    await publisher.publish(countedEvents(itemCounted, 1)[0]);
    await eventually('the entry pending for failing', async () => {
      return (await readConsumers(redis, key, 'g')).some((entry) => entry.name === 'failing' && entry.pending === 1);
    });
    await failing.stop();
    expect(await consumerNames()).toEqual(['failing']);

    let handled = 0;
    const survivor = consumer('survivor', async () => void (handled += 1), 300);
    await survivor.start();
    await eventually('the survivor handled the entry', () => handled === 1);
    await eventually('the crashed consumer removed', async () => !(await consumerNames()).includes('failing'));
    await survivor.stop();
  });

  it('puts back what a consumer read between the check and its removal, as the heir’s pending entries', async () => {
    await publisher.publishBatch(countedEvents(itemCounted, 2));
    await redis.xreadgroup('GROUP', 'g', 'late', 'COUNT', 2, 'STREAMS', key, '>');

    expect(await deleteConsumer(redis, key, 'g', 'late', 'heir')).toBe(false);

    const pending = (await redis.xpending(key, 'g', '-', '+', 10)) as Array<[string, string]>;
    expect(pending.map(([, owner]) => owner)).toEqual(['heir', 'heir']);
    expect(await consumerNames()).toEqual(['heir']);
  });
});
