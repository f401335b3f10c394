
import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { testRedis } from '../testing/test-redis';
import { deleteStreamKeys, testStream } from '../testing/test-streams';
import type { StreamConsumerOptions } from './consumer-options';
import { StreamConsumer } from './stream-consumer';

/**
 * What the StreamConsumer specs share: a Redis client, and the consumers and streams of each
 * test (`consumers`, `streams`: add those a test makes itself), stopped and deleted after it. Call once at the top of a spec file (it registers hooks).
 */
export function consumerTestKit() {
  const redis = testRedis();
  const consumers: StreamConsumer[] = [];
  const streams: string[] = [];

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await Promise.all(streams.splice(0).map((stream) => deleteStreamKeys(redis, stream)));
  });

  afterAll(() => redis.quit());

  /** A fresh stream with its contracts, a publisher, and `start` for a consumer of test.item.counted on it. */
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

  return { redis, consumers, streams, setUp, pendingCount, deadLetters };
}
