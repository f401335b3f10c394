import { dropTestDatabase, mongoUrl, openTestDatabase } from '@mesh/messaging/testing';
import mongoose, { type Connection } from 'mongoose';

import { type ReplicaLockDocument, ReplicaLocks } from './replica-locks';

jest.setTimeout(60_000);

/**
 * Two replicas as two connections of their own to the real store (FerretDB here: its updates
 * are read-then-write, so concurrent `$inc`s on one document lose increments without a lock).
 */
let replicas: Connection[];

beforeAll(async () => {
  const first = await openTestDatabase('replica_locks');
  const second = mongoose.createConnection(mongoUrl(), { dbName: first.name, maxPoolSize: 10 });
  replicas = [first, await second.asPromise()];
});

afterAll(async () => {
  await replicas[1]?.close();
  await dropTestDatabase(replicas[0]);
});

const locksOf = (connection: Connection, ttlMs?: number) =>
  new ReplicaLocks(connection.collection<ReplicaLockDocument>('locks'), { ttlMs });

/** Writers per replica that contend at once: more than CustomerWrites lets run (one per replica). */
const WRITERS_PER_REPLICA = 4;

/**
 * `count` increments of one counter from each replica, by four writers at once per replica, each
 * under `lock` when given. Not sixty at once: every waiter polls the store, and on a busy machine
 * sixty of them starve the holder of FerretDB's single writer until some give up.
 */
async function incrementFromBoth(id: string, count: number, lock?: (index: number) => ReplicaLocks): Promise<number> {
  await replicas[0].collection('counters').insertOne({ _id: id, value: 0 } as never);
  const writer = async (connection: Connection, index: number) => {
    for (let done = 0; done < count / WRITERS_PER_REPLICA; done += 1) {
      const increment = () => connection.collection('counters').updateOne({ _id: id } as never, { $inc: { value: 1 } });
      await (lock ? lock(index).withLocks([`counter:${id}`], increment) : increment());
    }
  };
  await Promise.all(
    replicas.flatMap((connection, index) =>
      Array.from({ length: WRITERS_PER_REPLICA }, () => writer(connection, index)),
    ),
  );
  const counter = await replicas[0].collection('counters').findOne({ _id: id } as never);
  return counter?.['value'] as number;
}

describe('ReplicaLocks on the real store', () => {
  it('lets no concurrent update of one document from two replicas be lost', async () => {
    const locks = replicas.map((connection) => locksOf(connection));
    expect(await incrementFromBoth('locked', 60, (index) => locks[index])).toBe(120);
    expect(await replicas[0].collection('locks').countDocuments()).toBe(0);
  });

  it('breaks the lock of a replica that died holding it, once it expired, and only once', async () => {
    const stale = { _id: 'counter:stale', token: 'dead-replica', expiresAt: new Date(Date.now() - 1_000) };
    await replicas[0].collection<ReplicaLockDocument>('locks').insertOne(stale);
    const locks = replicas.map((connection) => locksOf(connection));
    expect(await incrementFromBoth('stale', 20, (index) => locks[index])).toBe(40);
    expect(await replicas[0].collection('locks').countDocuments()).toBe(0);
  });

  it('gives up on a lock that is still held, naming it', async () => {
    const held = { _id: 'counter:held', token: 'busy-replica', expiresAt: new Date(Date.now() + 60_000) };
    await replicas[0].collection<ReplicaLockDocument>('locks').insertOne(held);
    const locks = new ReplicaLocks(replicas[1].collection<ReplicaLockDocument>('locks'), {
      ttlMs: 60_000,
      waitMs: 300,
    });
    await expect(locks.withLocks(['counter:held'], async () => 'ran')).rejects.toThrow(
      /lock counter:held is still held after 300 ms/,
    );
  });
});
