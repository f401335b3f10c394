import { type MeasuredFigures } from '@mesh/service';
import { Redis } from 'ioredis';

import { StreamConsumer } from '../consumer/stream-consumer';
import { EventPublisher } from '../publisher/event-publisher';
import { redrive } from '../redrive/redrive';
import { streamKeys } from '../streams/stream-keys';
import { testManifest } from '../testing/test-manifest';
import { countedEvents, eventually, testStream } from '../testing/test-streams';
import { statusTestKit } from './status-test-kit';

jest.setTimeout(60_000);

const status = statusTestKit();
const { consumers, typeormProbe, checkNamed, addOldEntries } = status;
let redis: Redis;
beforeAll(() => ({ redis } = status));

describe('the status of a product on Redis Streams', () => {
  it("reports each output stream's length and every group's lag, pending and consumers, as they change", async () => {
    const { stream, itemCounted, catalog } = testStream();
    const manifest = testManifest({ outputs: [stream] });
    const probe = await typeormProbe();
    const key = streamKeys.source(stream);

    expect((await probe.measure(manifest)).outputs).toEqual([{ stream, length: 0, groups: [] }]);

    const publisher = new EventPublisher(redis, catalog);
    await publisher.publishBatch(countedEvents(itemCounted, 5));
    await redis.xgroup('CREATE', key, 'billing', '0');
    await redis.xgroup('CREATE', key, 'audit', '0');
    const [[, entries]] = (await redis.xreadgroup('GROUP', 'audit', 'a-1', 'COUNT', 2, 'STREAMS', key, '>')) as Array<
      [string, Array<[string, string[]]>]
    >;
    await redis.xack(key, 'audit', entries[0][0]);

    const sortedGroups = (figures: MeasuredFigures) =>
      [...figures.outputs[0].groups].sort((a, b) => a.name.localeCompare(b.name));
    let figures = await probe.measure(manifest);
    expect(figures.outputs[0].length).toBe(5);
    expect(sortedGroups(figures)).toEqual([
      { name: 'audit', lag: 3, pending: 1, consumers: 1, lostToCap: 0 },
      { name: 'billing', lag: 5, pending: 0, consumers: 0, lostToCap: 0 },
    ]);

    await publisher.publishBatch(countedEvents(itemCounted, 3));
    figures = await probe.measure(manifest);
    expect(figures.outputs[0].length).toBe(8);
    expect(sortedGroups(figures)).toEqual([
      { name: 'audit', lag: 6, pending: 1, consumers: 1, lostToCap: 0 },
      { name: 'billing', lag: 8, pending: 0, consumers: 0, lostToCap: 0 },
    ]);
  });

  it('measures how far behind an input is, and a caught-up input is fresh however old its last event', async () => {
    const { stream, itemCounted } = testStream();
    const manifest = testManifest({ inputs: [stream] });
    const probe = await typeormProbe();
    const key = streamKeys.source(stream);
    const base = await addOldEntries(itemCounted, [120_000, 110_000, 100_000]);
    await redis.xgroup('CREATE', key, 'test', '0');

    let figures = await probe.measure(manifest);
    expect(figures.inputs).toEqual([
      {
        stream,
        group: 'test',
        lag: 3,
        pending: 0,
        deadLetters: 0,
        lostToCap: 0,
        behindSeconds: expect.closeTo(120, -1),
        lastDeliveredAt: null,
      },
    ]);
    expect(figures.freshnessSeconds).toBe(figures.inputs[0].behindSeconds);
    expect(checkNamed(manifest, figures, 'freshness')?.kept).toBe(false);
    expect(checkNamed(manifest, figures, `consumer-lag:${stream}`)).toMatchObject({
      measured: '3 (3 undelivered, 0 pending)',
      kept: false,
    });

    // Delivered but not acknowledged: still not applied, and still the oldest.
    const read = (count: number) => redis.xreadgroup('GROUP', 'test', 'c-1', 'COUNT', count, 'STREAMS', key, '>');
    const [[, [[firstId]]]] = (await read(1)) as Array<[string, Array<[string, string[]]>]>;
    figures = await probe.measure(manifest);
    expect(figures.inputs[0]).toMatchObject({ lag: 2, pending: 1, behindSeconds: expect.closeTo(120, -1) });
    expect(checkNamed(manifest, figures, `consumer-lag:${stream}`)).toMatchObject({
      measured: '3 (2 undelivered, 1 pending)',
    });

    await redis.xack(key, 'test', firstId);
    figures = await probe.measure(manifest);
    expect(figures.inputs[0]).toMatchObject({ lag: 2, pending: 0, behindSeconds: expect.closeTo(110, -1) });
    expect(checkNamed(manifest, figures, `consumer-lag:${stream}`)?.kept).toBe(true);

    const [[, rest]] = (await read(10)) as Array<[string, Array<[string, string[]]>]>;
    await redis.xack(key, 'test', ...rest.map(([id]) => id));
    figures = await probe.measure(manifest);
    expect(figures.inputs[0]).toMatchObject({
      lag: 0,
      pending: 0,
      behindSeconds: 0,
      lastDeliveredAt: new Date(base - 100_000).toISOString(),
    });
    expect(figures.freshnessSeconds).toBe(0);
    expect(checkNamed(manifest, figures, 'freshness')).toMatchObject({
      measured: 'caught up (0 s behind)',
      kept: true,
    });
  });

  it('counts dead letters, and redriven ones as not applied until the group has handled them', async () => {
    const { stream, itemCounted, catalog } = testStream();
    const manifest = testManifest({ inputs: [stream] });
    const probe = await typeormProbe();
    let cured = false;
    const handled: string[] = [];
    const startConsumer = async () => {
      const consumer = new StreamConsumer({
        redis,
        group: 'test',
        consumer: 'c-1',
        streams: [stream],
        catalog,
        handles: () => true,
        startFrom: 'beginning',
        maxDeliveries: 2,
        retryBaseMs: 10,
        claimIntervalMs: 25,
        blockMs: 100,
        handle: async (event) => {
          if (event.subject === 'item-3' && !cured) throw new Error('cannot apply item-3');
          handled.push(event.id);
        },
      });
      consumers.push(consumer);
      await consumer.start();
      return consumer;
    };
    const consumer = await startConsumer();
    await new EventPublisher(redis, catalog).publishBatch(countedEvents(itemCounted, 6));
    await eventually(
      'item-3 dead-lettered',
      async () => (await redis.xlen(streamKeys.deadLetter(stream, 'test'))) === 1,
    );
    await eventually('the rest handled', () => handled.length === 5);

    let figures = await probe.measure(manifest);
    expect(figures.inputs[0]).toMatchObject({ lag: 0, pending: 0, deadLetters: 1, behindSeconds: 0 });
    expect(checkNamed(manifest, figures, `dead-letters:${stream}`)).toMatchObject({
      measured: '1 dead letter(s)',
      kept: false,
    });

    await consumer.stop();
    cured = true;
    await redrive(redis, stream, 'test');
    figures = await probe.measure(manifest);
    expect(figures.inputs[0]).toMatchObject({ lag: 1, pending: 0, deadLetters: 0 });
    expect(figures.inputs[0].behindSeconds).toBeGreaterThanOrEqual(0);
    expect(checkNamed(manifest, figures, `dead-letters:${stream}`)?.kept).toBe(true);

    await startConsumer();
    await eventually('the redriven event handled', () => handled.length === 6);
    await eventually('acknowledged', async () => (await probe.measure(manifest)).inputs[0].pending === 0);
    expect((await probe.measure(manifest)).inputs[0]).toMatchObject({
      lag: 0,
      pending: 0,
      deadLetters: 0,
      behindSeconds: 0,
    });
  });

  it('names a consumer group that does not exist yet instead of inventing figures', async () => {
    const { stream } = testStream();
    const manifest = testManifest({ inputs: [stream] });
    const figures = await (await typeormProbe()).measure(manifest);
    expect(figures.inputs[0]).toMatchObject({
      lag: null,
      pending: 0,
      deadLetters: 0,
      behindSeconds: null,
      error: `consumer group "test" does not exist on ${stream} yet (its consumer has not started)`,
    });
    expect(figures.freshnessSeconds).toBeNull();
  });
});
