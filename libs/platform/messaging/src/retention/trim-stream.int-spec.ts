
import { StreamConsumer } from '../consumer/stream-consumer';
import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { trimByAge, trimStream } from './trim-stream';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('trimStream', () => {
  const redis = testRedis();
  const { stream, itemCounted, catalog } = testStream();
  const key = streamKeys.source(stream);
  const publisher = new EventPublisher(redis, catalog);

  afterAll(async () => {
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('keeps what a lagging group has not acknowledged, and the retention window', async () => {
    await redis.xgroup('CREATE', key, 'fast', '0', 'MKSTREAM');
    await redis.xgroup('CREATE', key, 'slow', '0', 'MKSTREAM');
    await publisher.publishBatch(countedEvents(itemCounted, 100));
    // fast reads and acks everything; slow reads 30 and acks only the first 10.
    const fast = (await redis.xreadgroup('GROUP', 'fast', 'c', 'COUNT', 100, 'STREAMS', key, '>')) as Array<
      [string, Array<[string, string[]]>]
    >;
    await redis.xack(key, 'fast', ...fast[0][1].map(([id]) => id));
    const slow = (await redis.xreadgroup('GROUP', 'slow', 'c', 'COUNT', 30, 'STREAMS', key, '>')) as Array<
      [string, Array<[string, string[]]>]
    >;
    const slowIds = slow[0][1].map(([id]) => id);
    await redis.xack(key, 'slow', ...slowIds.slice(0, 10));

    // A window of 1 hour keeps everything.
    expect((await trimStream(redis, stream, { windowMs: HOUR, capMs: DAY })).trimmed).toBe(0);

    // With no window, only the 10 entries every group has acknowledged may go.
    const result = await trimStream(redis, stream, { windowMs: 0, capMs: DAY });
    expect(result.trimmed).toBe(10);
    expect(result.behind).toEqual([]);
    expect(result.minId).toBe(slowIds[10]);
    const [first] = (await redis.xrange(key, '-', '+', 'COUNT', 1)) as Array<[string, string[]]>;
    expect(first[0]).toBe(slowIds[10]);

    // Once slow has acknowledged all it read, the 70 it was never delivered still stay.
    await redis.xack(key, 'slow', ...slowIds.slice(10));
    expect((await trimStream(redis, stream, { windowMs: 0, capMs: DAY })).trimmed).toBe(20);
    expect(await redis.xlen(key)).toBe(70);
  });

  it('lets a new group replay the whole retained history from the beginning', async () => {
    const retained = await redis.xlen(key);
    const seen: string[] = [];
    const consumer = new StreamConsumer({
      redis,
      group: 'replayer',
      consumer: 'r1',
      streams: [stream],
      catalog,
      handles: () => true,
      handle: async (event) => void seen.push(event.id),
      startFrom: 'beginning',
      blockMs: 100,
    });
    await consumer.start();
    await eventually('history replayed', () => seen.length === retained);
    await consumer.stop();
    expect(seen).toHaveLength(70);
  });

  it('trims past the cap even what a group has not read, and names the group with how many it lost', async () => {
    // slow has read none of the 70; replayer read them all. A cap of 0 lets every entry so far go.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const result = await trimStream(redis, stream, { windowMs: 0, capMs: 0 });

    expect(result.trimmed).toBe(70);
    expect(result.behind).toEqual([{ group: 'slow', lost: 70 }]);
    expect(await redis.xlen(key)).toBe(0);
  });

  it('trims a dead-letter stream by age alone', async () => {
    const deadLetters = streamKeys.deadLetter(stream, 'slow');
    await redis.xadd(deadLetters, '*', 'reason', 'old');
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(await trimByAge(redis, deadLetters, HOUR)).toBe(0);
    expect(await trimByAge(redis, deadLetters, 0)).toBe(1);
  });
});
