import { createEvent, EventCatalog } from '@mesh/contract-kit';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { tallyContract } from '../testing/tally-contract';
import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { testRedis, testRedisEnv } from '../testing/test-redis';
import { deleteStreamKeys, eventually, eventuallyWhileProgressing } from '../testing/test-streams';
import { runTsFile, TsChildProcess } from '../testing/ts-child-process';

// The drain below may take minutes on a loaded machine; it fails by itself when it stalls.
jest.setTimeout(300_000);

const total = 20_000;
const subjects = 100;
const group = 'tally';
const consumerScript = join(__dirname, '../testing/inbox-tally-consumer.ts');

let database: TestDatabase;
let dataSource: DataSource;
const redis = testRedis();
const stream = `test.tally.v${process.pid}x${Date.now().toString(36)}`;
const children: TsChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase('sigkill');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE tally (subject text PRIMARY KEY, count int NOT NULL, sum bigint NOT NULL)');
});

afterAll(async () => {
  await Promise.all(children.map((child) => child.stop('SIGKILL')));
  await deleteStreamKeys(redis, stream);
  await redis.quit();
  await dataSource?.destroy();
  await database?.drop();
});

function startConsumer(name: string): TsChildProcess {
  const child = runTsFile(consumerScript, {
    DATABASE_URL: database.url,
    ...testRedisEnv(),
    STREAM: stream,
    GROUP: group,
    CONSUMER: name,
  });
  children.push(child);
  return child;
}

async function tally(): Promise<{ count: number; sum: number }> {
  const [row] = await dataSource.query<Array<{ count: string; sum: string }>>(
    'SELECT COALESCE(sum(count), 0)::text AS count, COALESCE(sum(sum), 0)::text AS sum FROM tally',
  );
  return { count: Number(row.count), sum: Number(row.sum) };
}

async function pending(consumer?: string): Promise<number> {
  const [count, , , consumers] = (await redis.xpending(streamKeys.source(stream), group)) as [
    number,
    string | null,
    string | null,
    Array<[string, string]> | null,
  ];
  if (consumer === undefined) return count;
  return Number((consumers ?? []).find(([name]) => name === consumer)?.[1] ?? 0);
}

describe('exactly-once effects with the TypeORM inbox', () => {
  it(`applies each of ${total} events once when a consumer is SIGKILLed in the middle`, async () => {
    const contract = tallyContract(stream);
    const publisher = new EventPublisher(redis, new EventCatalog([contract]));
    let expectedSum = 0;
    for (let start = 0; start < total; start += 1_000) {
      const events = Array.from({ length: 1_000 }, (_, offset) => {
        const amount = start + offset;
        expectedSum += amount;
        const itemId = `item-${amount % subjects}`;
        return createEvent(contract, { subject: itemId, data: { itemId, amount } });
      });
      await publisher.publishBatch(events);
    }

    const doomed = startConsumer('consumer-doomed');
    await eventually('a quarter of the effects applied', async () => (await tally()).count >= total / 4, 30_000).catch(
      (error: unknown) => {
        throw new Error(`${(error as Error).message}; consumer stderr: ${doomed.stderr()}`, { cause: error });
      },
    );
    expect(await doomed.stop('SIGKILL')).toBeNull();
    const atKill = await tally();
    expect(atKill.count).toBeLessThan(total);
    const leftPending = await pending('consumer-doomed');
    // Entries it had read and not acknowledged: the survivor must claim them.
    expect(leftPending).toBeGreaterThan(0);

    const survivor = startConsumer('consumer-survivor');
    // Progress, not a fixed time: how fast 20,000 events drain depends on the machine's load. The
    // claim of the doomed consumer's entries waits for their idle time, hence the stall window.
    await eventuallyWhileProgressing(
      'every effect applied and nothing pending',
      async () => (await tally()).count >= total && (await pending()) === 0,
      async () => `${(await tally()).count} applied, ${await pending()} pending`,
      { stallMs: 30_000, capMs: 240_000 },
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; consumer stderr: ${survivor.stderr()}`, { cause: error });
    });
    expect(await survivor.stop('SIGTERM')).toBe(0);

    expect(await tally()).toEqual({ count: total, sum: expectedSum });
    const [{ recorded }] = await dataSource.query<Array<{ recorded: number }>>(
      'SELECT count(*)::int AS recorded FROM mesh_inbox WHERE consumer_group = $1',
      [group],
    );
    expect(recorded).toBe(total);
    expect(await pending()).toBe(0);
    const { applied, skipped } = JSON.parse(survivor.stdout()) as { applied: number; skipped: number };
    console.info(
      `killed at ${atKill.count} applied effects with ${leftPending} entries pending; ` +
        `the survivor applied ${applied} and skipped ${skipped} already applied`,
    );
  });
});
