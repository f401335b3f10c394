import { DataSource, IsNull } from 'typeorm';

import type { OutboxRelay } from '../outbox/outbox-relay';
import { EventPublisher } from '../publisher/event-publisher';
import { advisoryLockHolders, commitThroughOutbox, duplicateIds, readStream } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { testRedis, testRedisTarget } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { OutboxMessage } from './outbox-message.entity';
import { TypeormOutbox } from './typeorm-outbox';
import { typeormOutboxRelay, type TypeormOutboxRelayOptions } from './typeorm-outbox-relay';

jest.setTimeout(30_000);

let database: TestDatabase;
let dataSource: DataSource;
const redis = testRedis();
const relays: OutboxRelay[] = [];
const streams: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('relay');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await Promise.all(streams.splice(0).map((stream) => deleteStreamKeys(redis, stream)));
  await dataSource.query('TRUNCATE mesh_outbox');
});

afterAll(async () => {
  await redis.quit();
  await dataSource?.destroy();
  await database?.drop();
});

function setUp(options: Partial<TypeormOutboxRelayOptions> = {}) {
  const streamSet = testStream();
  streams.push(streamSet.stream);
  const outbox = new TypeormOutbox(streamSet.catalog);
  const newRelay = () => {
    const relay = typeormOutboxRelay({
      dataSource,
      redis: testRedisTarget(),
      catalog: streamSet.catalog,
      // As redisConfig's default on a cluster: a replica of each slot's master (none on one server).
      replicaWait: { replicas: 'auto', timeoutMs: 1_000 },
      ...options,
    });
    relays.push(relay);
    return relay;
  };
  return { ...streamSet, outbox, newRelay };
}

async function unsentCount(): Promise<number> {
  return dataSource.getRepository(OutboxMessage).countBy({ sentAt: IsNull() });
}

describe('OutboxRelay', () => {
  it('publishes committed events in insertion order as soon as they commit, and marks them sent', async () => {
    // A poll interval far beyond the test: only the NOTIFY of the commit can wake the relay.
    const { stream, itemCounted, outbox, newRelay } = setUp({
      pollIntervalMs: 60_000,
    });
    const relay = newRelay();
    relay.start();
    await eventually('relay active', () => relay.active);

    const events = countedEvents(itemCounted, 1_200, 7);
    await commitThroughOutbox(dataSource, outbox, events, 100);

    await eventually('1,200 on the stream', async () => (await redis.xlen(`{${stream}}`)) === 1_200);
    expect((await readStream(redis, stream)).map((event) => event.id)).toEqual(events.map((event) => event.id));
    await eventually('all marked sent', async () => (await unsentCount()) === 0);
  });

  it('publishes nothing of a transaction that failed after outbox.add', async () => {
    const { stream, itemCounted, outbox, newRelay } = setUp();
    newRelay().start();
    const [rolledBack, committed] = countedEvents(itemCounted, 2);

    const failing = dataSource.transaction(async (manager) => {
      await outbox.add(manager, [rolledBack]);
      throw new Error('placing the order failed after its event was added');
    });
    await expect(failing).rejects.toThrow(/placing the order failed/);
    await commitThroughOutbox(dataSource, outbox, [committed]);

    await eventually('the committed event on the stream', async () => (await redis.xlen(`{${stream}}`)) === 1);
    expect((await readStream(redis, stream)).map((event) => event.id)).toEqual([committed.id]);
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(1);
  });

  it('finds rows by polling when a notification is missed', async () => {
    const { stream, itemCounted, newRelay } = setUp({ pollIntervalMs: 100 });
    const relay = newRelay();
    relay.start();
    await eventually('relay active', () => relay.active);
    const [event] = countedEvents(itemCounted, 1);
    // Written without outbox.add, so without NOTIFY.
    await dataSource.query(
      `INSERT INTO mesh_outbox (event_id, stream, type, subject, envelope) VALUES ($1, $2, $3, $4, $5)`,
      [event.id, stream, event.type, event.subject, JSON.stringify(event)],
    );
    await eventually('polled and published', async () => (await redis.xlen(`{${stream}}`)) === 1);
  });

  it('skips events that a relay which died had already published, on taking over', async () => {
    const batches: Array<{ published: number; alreadyOnStream: number }> = [];
    const { stream, itemCounted, catalog, outbox, newRelay } = setUp({
      observer: { relayed: (batch) => batches.push(batch) },
    });
    const events = countedEvents(itemCounted, 300, 3);
    await commitThroughOutbox(dataSource, outbox, events, 50);
    // A relay published the first 120 and died before marking them sent.
    await new EventPublisher(redis, catalog).publishBatch(events.slice(0, 120));

    newRelay().start();

    await eventually('all sent', async () => (await unsentCount()) === 0);
    const published = await readStream(redis, stream);
    expect(duplicateIds(published)).toEqual([]);
    expect(published.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(batches[0]).toMatchObject({ published: 180, alreadyOnStream: 120 });
  });

  it('reports its backlog: unsent events and the age of the oldest', async () => {
    const { itemCounted, outbox, newRelay } = setUp();
    const relay = newRelay();
    expect(await relay.backlog()).toEqual({ count: 0, oldestAgeMs: 0 });

    await commitThroughOutbox(dataSource, outbox, countedEvents(itemCounted, 3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const backlog = await relay.backlog();
    expect(backlog.count).toBe(3);
    expect(backlog.oldestAgeMs).toBeGreaterThanOrEqual(40);
    expect(backlog.oldestAgeMs).toBeLessThan(5_000);

    relay.start();
    await eventually('backlog drained', async () => (await relay.backlog()).count === 0);
  });

  it('deletes sent rows older than the retention and keeps the rest', async () => {
    const { itemCounted, outbox, newRelay } = setUp({
      retentionMs: 300,
      cleanupIntervalMs: 50,
      pollIntervalMs: 50,
    });
    const [old] = countedEvents(itemCounted, 1);
    await commitThroughOutbox(dataSource, outbox, [old]);
    const relay = newRelay();
    relay.start();
    await eventually('sent', async () => (await unsentCount()) === 0);
    await relay.stop();
    const [recent] = countedEvents(itemCounted, 1);
    await commitThroughOutbox(dataSource, outbox, [recent]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The recent row is published at once but kept: only rows sent longer than 300 ms ago go.
    newRelay().start();
    const ids = async () => (await dataSource.getRepository(OutboxMessage).find()).map((row) => row.eventId);
    await eventually('the old sent row deleted', async () => !(await ids()).includes(old.id));
    expect(await ids()).toEqual([recent.id]);
  });

  it('releases the lock on stop', async () => {
    const relay = setUp().newRelay();
    relay.start();
    await eventually('relay active', () => relay.active);
    expect(await advisoryLockHolders(dataSource)).toBe(1);

    await relay.stop();

    expect(relay.active).toBe(false);
    expect(await advisoryLockHolders(dataSource)).toBe(0);
  });
});
