import { createEvent, EventEnvelope } from '@mesh/contract-kit';
import type { Connection, Model } from 'mongoose';

import { CountedItem, countedItemModel } from '../testing/counted-items';
import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { eventsOnStream } from '../testing/stream-events';
import { testRedis } from '../testing/test-redis';
import { deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { MongoOutbox } from './mongo-outbox';
import { mongooseOutboxRelay } from './mongoose-outbox-relay';
import { RelayLease,RelayLeaseDocument } from './relay-lease';

jest.setTimeout(30_000);

const redis = testRedis();
const { stream, catalog, itemCounted } = testStream();
const outbox = new MongoOutbox(catalog);
let connection: Connection;
let items: Model<CountedItem>;

beforeAll(async () => {
  connection = await openTestDatabase('outbox_lease');
  items = countedItemModel(connection);
});

afterAll(async () => {
  await deleteStreamKeys(redis, stream);
  await dropTestDatabase(connection);
  await redis.quit();
});

/** Creates items, each with its events (inserts: no update of a document races with the relay's removals). */
async function createItems(prefix: string, count: number): Promise<EventEnvelope[]> {
  const written: EventEnvelope[] = [];
  for (let index = 0; index < count; index += 1) {
    const itemId = `${prefix}-${index}`;
    const events = [1, 2].map((amount) => createEvent(itemCounted, { subject: itemId, data: { itemId, amount } }));
    await items.create(outbox.documentWithEvents({ _id: itemId, total: 3 }, events));
    written.push(...events);
  }
  return written;
}

function relay(owner: string, published: string[], domain = 'lease-test') {
  return mongooseOutboxRelay({
    domain,
    owner,
    models: [items],
    redis,
    catalog,
    pollIntervalMs: 20,
    leaseTtlMs: 600,
    observer: { relayed: (round) => published.push(...Array<string>(round.published).fill(owner)) },
  });
}

describe('the Mongoose outbox relay lease', () => {
  it('lets one of two relays publish, and the other take over when it stops, with no event twice', async () => {
    const published: string[] = [];
    const first = relay('first', published);
    const second = relay('second', published);
    first.start();
    await eventually('first holds the lease', () => first.active);
    second.start();

    const before = await createItems('before', 50);
    await eventually('published before the stop', async () => (await first.backlog()).count === 0);
    expect(second.active).toBe(false);
    expect(published.filter((owner) => owner === 'second')).toEqual([]);

    await first.stop();
    await eventually('second takes over', () => second.active, 5_000);
    const after = await createItems('after', 50);
    await eventually('published after the stop', async () => (await second.backlog()).count === 0);
    // The observer hears of a round after its removal, which the backlog may see first.
    await eventually('rounds reported', () => published.length === 200);
    await second.stop();

    const onStream = await eventsOnStream(redis, stream);
    const ids = onStream.map((event) => event.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids)).toEqual(new Set([...before, ...after].map((event) => event.id)));
    expect(published.filter((owner) => owner === 'first')).toHaveLength(100);
    expect(published.filter((owner) => owner === 'second')).toHaveLength(100);
  });

  it('takes over from a holder that vanished once its term has expired', async () => {
    const locks = connection.collection<RelayLeaseDocument>('mesh_locks');
    const name = 'vanished:outbox-relay';
    const expiresAt = new Date(Date.now() + 800);
    await locks.insertOne({ _id: `${name}#1`, name, term: 1, owner: 'ghost', expiresAt });
    const standby = relay('standby', [], 'vanished');
    standby.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(standby.active).toBe(false);
      await eventually('standby takes over', () => standby.active, 5_000);
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
      const [latest] = await locks.find({ name }).sort({ term: -1 }).limit(1).toArray();
      expect(latest).toMatchObject({ term: 2, owner: 'standby' });
      await eventually('the expired term cleared away', async () => (await locks.countDocuments({ name })) === 1);
    } finally {
      await standby.stop();
    }
  });

  it('gives a free lease to exactly one of many replicas that try at once', async () => {
    const locks = connection.collection<RelayLeaseDocument>('mesh_locks');
    const leases = Array.from({ length: 10 }, (_, index) => new RelayLease(locks, 'race', `replica-${index}`, 5_000));
    const holds = await Promise.all(leases.map((lease) => lease.acquireOrRenew()));
    expect(holds.filter(Boolean)).toHaveLength(1);
    expect(leases.filter((lease) => lease.held)).toHaveLength(1);

    const holder = leases[holds.indexOf(true)];
    expect(await holder.acquireOrRenew()).toBe(true);
    await holder.release();
    const next = leases.find((lease) => lease !== holder) as RelayLease;
    expect(await next.acquireOrRenew()).toBe(true);
  });
});
