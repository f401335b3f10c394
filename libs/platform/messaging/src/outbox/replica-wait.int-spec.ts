import { Redis } from 'ioredis';
import { DataSource, IsNull } from 'typeorm';

import { OutboxMessage } from '../outbox-typeorm/outbox-message.entity';
import { TypeormOutbox } from '../outbox-typeorm/typeorm-outbox';
import { typeormOutboxRelay } from '../outbox-typeorm/typeorm-outbox-relay';
import { streamKeys } from '../streams/stream-keys';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { commitThroughOutbox, duplicateIds, readStream } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { countedEvents, eventually, testStream } from '../testing/test-streams';
import type { ReplicasBehind } from './await-replicas';
import type { OutboxRelay } from './outbox-relay';

jest.setTimeout(60_000);

let database: TestDatabase;
let dataSource: DataSource;
let master: KillableRedisServer;
let replica: KillableRedisServer;
let onMaster: Redis;
let onReplica: Redis;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  database = await createTestDatabase('replica-wait');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
  master = await KillableRedisServer.start();
  replica = await KillableRedisServer.start({ replicaOf: master.port });
  onMaster = new Redis(master.url);
  onReplica = new Redis(replica.url);
  await eventually('the replica in sync', async () =>
    /master_link_status:up/.test(await onReplica.info('replication')),
  );
});

afterEach(async () => {
  replica.resume();
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await dataSource.query('TRUNCATE mesh_outbox');
});

afterAll(async () => {
  onMaster?.disconnect();
  onReplica?.disconnect();
  await replica?.kill();
  await master?.kill();
  await dataSource?.destroy();
  await database?.drop();
});

async function unsentCount(): Promise<number> {
  return dataSource.getRepository(OutboxMessage).countBy({ sentAt: IsNull() });
}

function startRelay(replicas: number) {
  const { stream, itemCounted, catalog } = testStream();
  const behind: ReplicasBehind[][] = [];
  const relay = typeormOutboxRelay({
    dataSource,
    redis: master.url,
    catalog,
    replicaWait: { replicas, timeoutMs: 300 },
    pollIntervalMs: 100,
    retryBaseMs: 100,
    retryMaxMs: 300,
    observer: { replicasBehind: (servers) => behind.push(servers) },
  });
  relays.push(relay);
  relay.start();
  return {
    relay,
    stream,
    itemCounted,
    outbox: new TypeormOutbox(catalog),
    behind,
  };
}

describe('OutboxRelay with REDIS_WAIT_REPLICAS', () => {
  it('marks rows sent only once the replica holds their entries, keeps them unsent while it hangs, and sends each once', async () => {
    const { relay, stream, itemCounted, outbox, behind } = startRelay(1);
    await eventually('relay active', () => relay.active);
    const key = streamKeys.source(stream);
    const [first, second, third] = countedEvents(itemCounted, 3);

    await commitThroughOutbox(dataSource, outbox, [first]);
    await eventually('the first row sent', async () => (await unsentCount()) === 0);
    // WAIT returned: the replica had the entry before the row was marked.
    expect(await onReplica.xlen(key)).toBe(1);

    replica.pause();
    await commitThroughOutbox(dataSource, outbox, [second, third]);
    await eventually('both on the master', async () => (await onMaster.xlen(key)) === 3);
    await eventually('WAIT fell short twice', () => behind.length >= 2);
    expect(await unsentCount()).toBe(2);
    expect(behind[0]).toEqual([{ server: 'redis', streams: [stream], wanted: 1, acknowledged: 0 }]);

    replica.resume();
    await eventually('the rows sent once the replica is back', async () => (await unsentCount()) === 0);
    expect(await onReplica.xlen(key)).toBe(3);
    // The retries found the entries on the master's tail: none was written twice.
    const published = await readStream(onMaster, stream);
    expect(published.map((event) => event.id)).toEqual([first.id, second.id, third.id]);
    expect(duplicateIds(published)).toEqual([]);
  });

  it('does not wait with REDIS_WAIT_REPLICAS=0: a hung replica holds nothing up', async () => {
    const { relay, stream, itemCounted, outbox, behind } = startRelay(0);
    await eventually('relay active', () => relay.active);
    replica.pause();

    await commitThroughOutbox(dataSource, outbox, countedEvents(itemCounted, 2));
    await eventually('the rows sent', async () => (await unsentCount()) === 0);
    expect(await onMaster.xlen(streamKeys.source(stream))).toBe(2);
    expect(behind).toEqual([]);
  });
});
