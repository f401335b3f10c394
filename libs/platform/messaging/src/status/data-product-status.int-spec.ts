import { createEvent, type DataProductManifest, encodeStreamEntry, type EventContract } from '@mesh/contract-kit';
import {
  checkServiceLevels,
  type DataProductStatusProbe,
  type MeasuredFigures,
  type ProviderToken,
} from '@mesh/service';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { createServer, type Server, type Socket } from 'node:net';
import { DataSource } from 'typeorm';

import { StreamConsumer } from '../consumer/stream-consumer';
import { MongoOutbox } from '../outbox-mongoose/mongo-outbox';
import { mongooseOutboxRelay } from '../outbox-mongoose/mongoose-outbox-relay';
import { OutboxRelay } from '../outbox/outbox-relay';
import { TypeormOutbox } from '../outbox-typeorm/typeorm-outbox';
import { EventPublisher } from '../publisher/event-publisher';
import { redrive } from '../redrive/redrive';
import { streamKeys } from '../streams/stream-keys';
import { countedItemModel } from '../testing/counted-items';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { commitThroughOutbox } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, type TestDatabase } from '../testing/test-database';
import { testManifest } from '../testing/test-manifest';
import { countedEvents, eventually, testStream } from '../testing/test-streams';
import { mongooseDataProductStatus } from './mongoose-data-product-status';
import { typeormDataProductStatus } from './typeorm-data-product-status';

jest.setTimeout(60_000);

let redisServer: KillableRedisServer;
let redis: Redis;
let database: TestDatabase;
let dataSource: DataSource;
const probes: DataProductStatusProbe[] = [];
const consumers: StreamConsumer[] = [];

beforeAll(async () => {
  redisServer = await KillableRedisServer.start();
  // Waits out the outage test's kill instead of failing its commands.
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  database = await createTestDatabase('status');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  await Promise.all(probes.splice(0).map((probe) => probe.close?.()));
});

afterAll(async () => {
  redis?.disconnect();
  await redisServer?.kill();
  await dataSource?.destroy();
  await database?.drop();
});

/** The TypeORM source, set up as ServiceModule would, on the test's Redis (or `redisUrl`). */
async function typeormProbe(redisUrl = redisServer.url, partTimeoutMs?: number): Promise<DataProductStatusProbe> {
  const source = typeormDataProductStatus({ redis: () => redisUrl, partTimeoutMs });
  const probe = await source.setup(contextWith(new Map([[DataSource, dataSource]])));
  probes.push(probe);
  return probe;
}

function contextWith(providers: Map<ProviderToken<unknown>, unknown>) {
  return {
    get: <T>(token: ProviderToken<T>) => {
      if (!providers.has(token)) throw new Error(`no provider ${String(token)}`);
      return providers.get(token) as T;
    },
    config: () => {
      throw new Error('the tests pass the Redis URL');
    },
  };
}

const checkNamed = (manifest: DataProductManifest, figures: MeasuredFigures, name: string) =>
  checkServiceLevels(manifest, figures).find((check) => check.name === name);

/** Adds entries stamped `agoMs` in the past (explicit ids), in order, on an empty stream. */
async function addOldEntries(contract: EventContract<{ itemId: string; amount: number }>, agoMs: number[]) {
  const base = Date.now();
  for (const [index, ago] of agoMs.entries()) {
    const event = createEvent(contract, { subject: `old-${index}`, data: { itemId: `old-${index}`, amount: index } });
    await redis.xadd(streamKeys.source(contract.stream), `${base - ago}-${index}`, ...encodeStreamEntry(event));
  }
  return base;
}

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

describe('the outbox figures', () => {
  it('count unpublished rows while Redis is unreachable, and the streams say why they are missing, at once', async () => {
    const { stream, itemCounted, catalog } = testStream();
    const manifest = testManifest({ outputs: [stream], inputs: [`${stream}.in`] });
    const probe = await typeormProbe(redisServer.url, 1_000);
    const outbox = new TypeormOutbox(catalog);

    expect((await probe.measure(manifest)).outbox).toEqual({ backlog: 0, oldestAgeSeconds: null });
    await commitThroughOutbox(dataSource, outbox, countedEvents(itemCounted, 3));
    // As if the first had waited five minutes for the relay.
    await dataSource.query(
      `UPDATE mesh_outbox SET created_at = now() - interval '5 minutes' WHERE position = (SELECT min(position) FROM mesh_outbox)`,
    );

    await redisServer.kill();
    const started = performance.now();
    const figures = await probe.measure(manifest);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(figures.outbox).toEqual({ backlog: 3, oldestAgeSeconds: expect.closeTo(300, -1) });
    expect(figures.outputs[0]).toMatchObject({
      stream,
      length: null,
      error: expect.stringMatching(/Redis is not reachable/),
    });
    expect(figures.inputs[0]).toMatchObject({ lag: null, error: expect.stringMatching(/Redis is not reachable/) });
    expect(figures.freshnessSeconds).toBeNull();
    expect(checkNamed(manifest, figures, 'outbox-age')).toMatchObject({ measured: '300 s (3 waiting)', kept: false });

    await redisServer.restart();
    // The next measurement connects again (this server keeps nothing across the kill).
    expect((await probe.measure(manifest)).outputs[0]).toEqual({ stream, length: 0, groups: [] });
  });

  it('count the events waiting in the documents of a Mongoose domain', async () => {
    const connection: Connection = await openTestDatabase('status');
    try {
      const { itemCounted, catalog } = testStream();
      const items = countedItemModel(connection, 'StatusItem');
      const outbox = new MongoOutbox(catalog);
      const event = (amount: number, time?: Date) =>
        createEvent(itemCounted, { subject: 'a', data: { itemId: 'a', amount }, time });
      await items.create(
        outbox.documentWithEvents({ _id: 'a', total: 3 }, [event(1, new Date(Date.now() - 90_000)), event(2)]),
      );
      await items.create({ _id: 'b', total: 0 });
      // Never started: the backlog is read from the documents, whichever replica publishes.
      const relay = mongooseOutboxRelay({ domain: 'status', models: [items], redis, catalog });
      const source = mongooseDataProductStatus({ redis: () => redisServer.url });
      const probe = await source.setup(contextWith(new Map([[OutboxRelay, relay]])));
      probes.push(probe);

      const figures = await probe.measure(testManifest({}));
      expect(figures.outbox).toEqual({ backlog: 2, oldestAgeSeconds: expect.closeTo(90, -1) });
      expect(figures.freshnessSeconds).toBeNull();
    } finally {
      await dropTestDatabase(connection);
    }
  });
});

describe('a measurement against a Redis that does not answer', () => {
  let blackHole: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Accepts connections and never replies, like a host that hangs.
    blackHole = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
  });

  it('gives up on each part after its timeout and still reports the outbox', async () => {
    const { stream } = testStream();
    const address = blackHole.address() as { port: number };
    const probe = await typeormProbe(`redis://127.0.0.1:${address.port}`, 300);
    const started = performance.now();
    const figures = await probe.measure(testManifest({ outputs: [stream], inputs: [`${stream}.in`] }));
    expect(performance.now() - started).toBeLessThan(800);
    const hung = /Redis is not reachable: Command timed out|no answer within 300 ms/;
    expect(figures.outputs[0]).toMatchObject({ length: null, error: expect.stringMatching(hung) });
    expect(figures.inputs[0]).toMatchObject({ lag: null, error: expect.stringMatching(hung) });
    expect(figures.outbox.backlog).toEqual(expect.any(Number));
  });
});
