import type { DataSource } from 'typeorm';

import type { OutboxRelay } from '../outbox/outbox-relay';
import { advisoryLockHolders, commitThroughOutbox, duplicateIds, readStream } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { testRedis, testRedisTarget } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { TypeormOutbox } from './typeorm-outbox';
import { typeormOutboxRelay, type TypeormOutboxRelayOptions } from './typeorm-outbox-relay';

jest.setTimeout(30_000);

let database: TestDatabase;
let dataSource: DataSource;
const redis = testRedis();
const relays: OutboxRelay[] = [];
const replicaSources: DataSource[] = [];
const streams: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('failover');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await Promise.all(replicaSources.splice(0).map((source) => source.destroy()));
  await Promise.all(streams.splice(0).map((stream) => deleteStreamKeys(redis, stream)));
  await dataSource.query('TRUNCATE mesh_outbox');
});

afterAll(async () => {
  await redis.quit();
  await dataSource?.destroy();
  await database?.drop();
});

interface Batch {
  relay: string;
  startedAt: number;
  endedAt: number;
  published: number;
}

/** Two or more relays of one domain (one database), each on its own data source as in separate replicas. */
async function setUp() {
  const streamSet = testStream();
  streams.push(streamSet.stream);
  const batches: Batch[] = [];
  const startRelay = async (name: string, options: Partial<TypeormOutboxRelayOptions> = {}) => {
    const replicaSource = await openDataSource(database.url, 3);
    replicaSources.push(replicaSource);
    const relay = typeormOutboxRelay({
      dataSource: replicaSource,
      redis: testRedisTarget(),
      catalog: streamSet.catalog,
      standbyRetryMs: 50,
      observer: {
        relayed: ({ published, durationMs }) => {
          const endedAt = performance.now();
          batches.push({ relay: name, startedAt: endedAt - durationMs, endedAt, published });
        },
      },
      ...options,
    });
    relays.push(relay);
    relay.start();
    return relay;
  };
  return { ...streamSet, outbox: new TypeormOutbox(streamSet.catalog), batches, startRelay };
}

function overlappingBatches(batches: readonly Batch[]): Array<[Batch, Batch]> {
  const overlaps: Array<[Batch, Batch]> = [];
  for (const first of batches) {
    for (const second of batches) {
      if (first.relay < second.relay && first.startedAt < second.endedAt && second.startedAt < first.endedAt) {
        overlaps.push([first, second]);
      }
    }
  }
  return overlaps;
}

async function lockHolderPid(): Promise<number> {
  const [{ pid }] = await dataSource.query<Array<{ pid: number }>>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return pid;
}

describe('OutboxRelay with two replicas', () => {
  it('lets one relay publish at a time; when it stops the other takes over, and no event goes out twice', async () => {
    const { stream, itemCounted, outbox, batches, startRelay } = await setUp();
    const a = await startRelay('a');
    await eventually('a active', () => a.active);
    const b = await startRelay('b');
    let bothActive = false;
    const sampler = setInterval(() => (bothActive ||= a.active && b.active), 2);
    try {
      const first = countedEvents(itemCounted, 600, 6);
      await commitThroughOutbox(dataSource, outbox, first, 20);
      await eventually('first 600 published', async () => (await redis.xlen(`{${stream}}`)) === 600);
      expect(b.active).toBe(false);
      expect(await advisoryLockHolders(dataSource)).toBe(1);

      // Stop a while changes keep coming: it finishes its batch, b takes over from there.
      const second = countedEvents(itemCounted, 600, 6);
      const committing = commitThroughOutbox(dataSource, outbox, second, 5);
      await eventually('a publishing the second part', async () => (await redis.xlen(`{${stream}}`)) > 650);
      await a.stop();
      await committing;
      await eventually('b took over', () => b.active);
      await eventually('all 1,200 published', async () => (await redis.xlen(`{${stream}}`)) >= 1_200);
      await new Promise((resolve) => setTimeout(resolve, 200));

      const published = await readStream(redis, stream);
      expect(duplicateIds(published)).toEqual([]);
      expect(published.map((event) => event.id)).toEqual([...first, ...second].map((event) => event.id));
      expect(bothActive).toBe(false);
      expect(overlappingBatches(batches)).toEqual([]);
      const publishedBy = (relay: string) =>
        batches.filter((batch) => batch.relay === relay).reduce((sum, batch) => sum + batch.published, 0);
      expect(publishedBy('a')).toBeGreaterThan(650);
      expect(publishedBy('a') + publishedBy('b')).toBe(1_200);
    } finally {
      clearInterval(sampler);
    }
  });

  it('lets a standby take over when the active relay loses its database connection', async () => {
    const { stream, itemCounted, outbox, startRelay } = await setUp();
    // a waits long before it tries the lock again, so that b is sure to be the one taking over.
    const a = await startRelay('a', { standbyRetryMs: 5_000 });
    await eventually('a active', () => a.active);
    const b = await startRelay('b');

    const events = countedEvents(itemCounted, 600, 6);
    const committing = commitThroughOutbox(dataSource, outbox, events, 5);
    await eventually('a publishing', async () => (await redis.xlen(`{${stream}}`)) > 100);
    await dataSource.query('SELECT pg_terminate_backend($1)', [await lockHolderPid()]);
    await committing;

    await eventually('b took over', () => b.active);
    // a learns that its connection (and with it the lock) is gone on its next query, which may
    // come a moment after b took the lock; until then it cannot publish (it has no connection).
    await eventually('a stood down', () => !a.active);
    await eventually('all 600 published', async () => (await redis.xlen(`{${stream}}`)) >= 600);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const published = await readStream(redis, stream);
    expect(duplicateIds(published)).toEqual([]);
    expect(published.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });
});
