
import { EventPublisher } from '../publisher/event-publisher';
import { readGroups } from '../streams/group-info';
import { streamKeys } from '../streams/stream-keys';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { settleLostEntries } from './lost-entries';
import { StreamConsumer } from './stream-consumer';

jest.setTimeout(30_000);

describe('entries a group lost to the producer trimming', () => {
  const redis = testRedis();
  const { stream, itemCounted, catalog } = testStream();
  const key = streamKeys.source(stream);
  const publisher = new EventPublisher(redis, catalog);
  const groupLag = async () => (await readGroups(redis, key)).find((group) => group.name === 'g')?.lag;

  afterAll(async () => {
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('are counted once the group has read all there is, and its lag is true again', async () => {
    await redis.xgroup('CREATE', key, 'g', '$', 'MKSTREAM');
    // The group has read two entries (so Redis keeps its read counter)...
    await publisher.publishBatch(countedEvents(itemCounted, 2));
    await redis.xreadgroup('GROUP', 'g', 'earlier', 'COUNT', 2, 'STREAMS', key, '>');
    // ...then the producer publishes four more and trims them (its cap) before the group reads them.
    await publisher.publishBatch(countedEvents(itemCounted, 4));
    const [newest] = await publisher.publishBatch(countedEvents(itemCounted, 1));
    await redis.xtrim(key, 'MINID', newest.entryId);

    expect(await settleLostEntries(redis, key, 'g')).toBe(0); // one entry still to read: cannot tell yet

    const lost: number[] = [];
    let handled = 0;
    const consumer = new StreamConsumer({
      redis,
      group: 'g',
      consumer: 'c',
      streams: [stream],
      catalog,
      handles: () => true,
      handle: async () => void (handled += 1),
      blockMs: 100,
      claimIntervalMs: 50,
      // Sweeps (idle consumers, lost entries) as often as the reclaimer runs.
      idleConsumerMs: 50,
      observer: { entriesLost: (_key, count) => void lost.push(count) },
    });
    await consumer.start();
    await eventually('the lost entries reported', () => lost.length > 0);
    await consumer.stop();

    expect(handled).toBe(1);
    expect(lost).toEqual([4]);
    expect(await groupLag()).toBe(0);
    expect(await settleLostEntries(redis, key, 'g')).toBe(0);
  });
});
