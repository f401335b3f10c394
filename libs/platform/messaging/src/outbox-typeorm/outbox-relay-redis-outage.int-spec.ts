import { EventEnvelope } from '@mesh/contract-kit';
import { Redis } from 'ioredis';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

import { KillableRedisServer } from '../testing/killable-redis-server';
import { commitThroughOutbox, duplicateIds, readStream } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { countedEvents, eventually, testStream } from '../testing/test-streams';
import { TypeormOutbox } from './typeorm-outbox';
import { typeormOutboxRelay } from './typeorm-outbox-relay';

jest.setTimeout(60_000);

let database: TestDatabase;
let dataSource: DataSource;
let redisServer: KillableRedisServer;

beforeAll(async () => {
  database = await createTestDatabase('outage');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
  redisServer = await KillableRedisServer.start();
});

afterAll(async () => {
  await redisServer?.kill();
  await dataSource?.destroy();
  await database?.drop();
});

function amountsBySubject(events: readonly EventEnvelope[]): Map<string, number[]> {
  const bySubject = new Map<string, number[]>();
  for (const event of events) {
    const { amount } = event.data as { amount: number };
    bySubject.set(event.subject, [...(bySubject.get(event.subject) ?? []), amount]);
  }
  return bySubject;
}

describe('OutboxRelay while Redis is unreachable', () => {
  it('keeps 1,000 committed changes and publishes them all, in order and once, when Redis returns', async () => {
    const { stream, itemCounted, catalog } = testStream();
    const outbox = new TypeormOutbox(catalog);
    const problems: string[] = [];
    const relay = typeormOutboxRelay({
      dataSource,
      redis: redisServer.url,
      catalog,
      retryBaseMs: 50,
      retryMaxMs: 500,
      observer: { problem: (message) => problems.push(message) },
    });
    relay.start();
    await eventually('relay active', () => relay.active);

    await redisServer.kill();
    const events = countedEvents(itemCounted, 1_000, 25);
    // The domain keeps accepting writes: 1,000 changes, one transaction each.
    await commitThroughOutbox(dataSource, outbox, events, 1);
    await eventually('the relay saw the outage', () => problems.some((message) => /relaying failed/.test(message)));
    expect((await relay.backlog()).count).toBe(1_000);

    await redisServer.restart();
    const redis = new Redis(redisServer.url);
    try {
      await eventually('backlog drained', async () => (await relay.backlog()).count === 0, 20_000);
      const published = await readStream(redis, stream);
      expect(published).toHaveLength(1_000);
      expect(duplicateIds(published)).toEqual([]);
      expect(new Set(published.map((event) => event.id))).toEqual(new Set(events.map((event) => event.id)));
      expect(amountsBySubject(published)).toEqual(amountsBySubject(events));
    } finally {
      await relay.stop();
      await redis.quit();
    }
  });
});

describe('OutboxRelay when Redis dies in the middle of publishing', () => {
  let persistentRedis: KillableRedisServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mesh-redis-aof-'));
    persistentRedis = await KillableRedisServer.start({ appendOnlyDir: dataDir });
  });

  afterAll(async () => {
    await persistentRedis?.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes every event once, skipping those whose XADD was applied before the crash', async () => {
    const { stream, itemCounted, catalog } = testStream();
    const outbox = new TypeormOutbox(catalog);
    const batches: Array<{ published: number; alreadyOnStream: number }> = [];
    const relay = typeormOutboxRelay({
      dataSource,
      redis: persistentRedis.url,
      catalog,
      batchSize: 1_000,
      retryBaseMs: 50,
      retryMaxMs: 500,
      observer: { relayed: (batch) => batches.push(batch) },
    });
    const redis = new Redis(persistentRedis.url, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    // A backlog first, so that the relay publishes batch after batch. Redis applies a pipeline
    // of 1,000 XADDs over several reads (and fsyncs), so a stream length that is not a whole
    // number of batches means a pipeline is half applied: that is when Redis is killed.
    const events = countedEvents(itemCounted, 3_000, 25);
    await commitThroughOutbox(dataSource, outbox, events, 100);
    relay.start();
    try {
      await eventually('a pipeline half applied', async () => (await redis.xlen(`{${stream}}`)) % 1_000 !== 0);
      await persistentRedis.kill();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await persistentRedis.restart();

      await eventually('backlog drained', async () => (await relay.backlog()).count === 0, 20_000);
      const published = await readStream(redis, stream);
      expect(duplicateIds(published)).toEqual([]);
      expect(published.map((event) => event.id)).toEqual(events.map((event) => event.id));
      console.info(
        `after the crash the relay found ${batches.reduce((sum, batch) => sum + batch.alreadyOnStream, 0)} ` +
          'events already on the stream and skipped them',
      );
    } finally {
      await relay.stop();
      await redis.quit();
    }
  });
});
