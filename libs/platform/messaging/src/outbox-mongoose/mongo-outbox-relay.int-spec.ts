import { createEvent, EventEnvelope } from '@mesh/contract-kit';
import { Connection, Model } from 'mongoose';

import type { OutboxRelay } from '../outbox/outbox-relay';
import { EventPublisher } from '../publisher/event-publisher';
import { countChanges, CountedItem, countedItemModel } from '../testing/counted-items';
import { dropTestDatabase, isFerretDb, openTestDatabase } from '../testing/mongo-test-database';
import { amountsBySubject, eventsOnStream } from '../testing/stream-events';
import { testRedis } from '../testing/test-redis';
import { deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { MongoOutbox } from './mongo-outbox';
import { mongooseOutboxRelay, type MongooseOutboxRelayOptions } from './mongoose-outbox-relay';

jest.setTimeout(30_000);

const redis = testRedis();
let connection: Connection;
const relays: OutboxRelay[] = [];
const streams: string[] = [];

beforeAll(async () => {
  connection = await openTestDatabase('outbox_relay');
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await Promise.all(streams.splice(0).map((stream) => deleteStreamKeys(redis, stream)));
});

afterAll(async () => {
  await dropTestDatabase(connection);
  await redis.quit();
});

let modelCounter = 0;

function setUp() {
  const streamSet = testStream();
  streams.push(streamSet.stream);
  modelCounter += 1;
  const items: Model<CountedItem> = countedItemModel(connection, `RelayItem${modelCounter}`);
  const outbox = new MongoOutbox(streamSet.catalog);
  const problems: string[] = [];
  const published = { events: 0, duplicates: 0 };
  const start = (options: Partial<MongooseOutboxRelayOptions> = {}) => {
    const relay = mongooseOutboxRelay({
      domain: `test-${modelCounter}`,
      models: [items],
      redis,
      catalog: streamSet.catalog,
      pollIntervalMs: 50,
      observer: {
        problem: (message) => problems.push(message),
        relayed: (round) => {
          published.events += round.published;
          published.duplicates += round.alreadyOnStream;
        },
      },
      ...options,
    });
    relays.push(relay);
    relay.start();
    return relay;
  };
  const pendingArrays = async () =>
    (await items.collection.find({}).toArray()).map((document) => document['_outbox'] as unknown[]);
  return { ...streamSet, items, outbox, problems, published, start, pendingArrays };
}

describe('the outbox relay on Mongoose', () => {
  it('publishes every pending event once, in order per subject, and empties the outboxes', async () => {
    const { stream, itemCounted, items, outbox, start, pendingArrays } = setUp();
    const written = await countChanges(items, outbox, itemCounted, { subjects: 10, perSubject: 30 });

    const relay = start();
    await eventually('outboxes emptied', async () => (await relay.backlog()).count === 0);

    const onStream = await eventsOnStream(redis, stream);
    expect(onStream).toHaveLength(300);
    expect(new Set(onStream.map((event) => event.id))).toEqual(new Set(written.map((event) => event.id)));
    for (const amounts of amountsBySubject(onStream).values()) {
      expect(amounts).toEqual(Array.from({ length: 30 }, (_, index) => index));
    }
    expect((await pendingArrays()).every((pending) => pending.length === 0)).toBe(true);
  });

  it('reports the backlog: pending events and the age of the oldest', async () => {
    const { catalog, itemCounted, items, outbox } = setUp();
    const old = new Date(Date.now() - 60_000);
    const events = [
      createEvent(itemCounted, { subject: 'a', data: { itemId: 'a', amount: 1 }, time: old }),
      createEvent(itemCounted, { subject: 'a', data: { itemId: 'a', amount: 2 } }),
    ];
    await items.create(outbox.documentWithEvents({ _id: 'a', total: 3 }, events));
    await items.create({ _id: 'b', total: 0 });

    // Not started: the backlog is read from the documents, whichever replica publishes.
    const relay = mongooseOutboxRelay({ domain: 'backlog', models: [items], redis, catalog });
    const backlog = await relay.backlog();
    expect(backlog.count).toBe(2);
    expect(backlog.oldestAgeMs).toBeGreaterThanOrEqual(60_000);
    expect(backlog.oldestAgeMs).toBeLessThan(70_000);
  });

  it('publishes events of documents written while it works, each once', async () => {
    const { stream, itemCounted, items, outbox, start } = setUp();
    const relay = start({ pollIntervalMs: 5 });
    const written: EventEnvelope[] = [];
    for (let index = 0; index < 200; index += 1) {
      const itemId = `new-${index}`;
      const events = [0, 1, 2].map((amount) => createEvent(itemCounted, { subject: itemId, data: { itemId, amount } }));
      await items.create(outbox.documentWithEvents({ _id: itemId, total: 3 }, events));
      written.push(...events);
    }
    await eventually('outboxes emptied', async () => (await relay.backlog()).count === 0);

    const onStream = await eventsOnStream(redis, stream);
    expect(onStream.map((event) => event.id).sort()).toEqual(written.map((event) => event.id).sort());
    for (const amounts of amountsBySubject(onStream).values()) expect(amounts).toEqual([0, 1, 2]);
  });

  it('keeps events appended to a document while it publishes, for the next round (MongoDB)', async () => {
    // FerretDB v1 loses one of two concurrent updates of a document (see store-operators), so
    // the application's appends would race with the relay's removals there.
    if (await isFerretDb(connection)) return;
    const { stream, itemCounted, items, outbox, start } = setUp();
    const relay = start({ pollIntervalMs: 5 });
    const written = await countChanges(items, outbox, itemCounted, { subjects: 5, perSubject: 60 });
    await eventually('outboxes emptied', async () => (await relay.backlog()).count === 0);

    const onStream = await eventsOnStream(redis, stream);
    expect(onStream.map((event) => event.id).sort()).toEqual(written.map((event) => event.id).sort());
    for (const amounts of amountsBySubject(onStream).values()) {
      expect(amounts).toEqual(Array.from({ length: 60 }, (_, index) => index));
    }
  });

  it('only removes again events that a lost removal put back', async () => {
    const { stream, itemCounted, items, outbox, published, start } = setUp();
    const events = [1, 2].map((amount) => createEvent(itemCounted, { subject: 'x', data: { itemId: 'x', amount } }));
    await items.create(outbox.documentWithEvents({ _id: 'x', total: 3 }, events));
    const relay = start();
    await eventually('published', async () => (await relay.backlog()).count === 0);

    // What a removal overwritten by a concurrent update leaves behind on FerretDB.
    await items.collection.updateOne({ _id: 'x' } as never, { $set: { _outbox: outbox.pendingEvents(events) } });
    await eventually('removed again', async () => (await relay.backlog()).count === 0);
    await eventually('round reported', () => published.duplicates === 2);

    expect(await redis.xlen(`{${stream}}`)).toBe(2);
    expect(published).toEqual({ events: 2, duplicates: 2 });
  });

  it('does not publish again what a broken round had already published', async () => {
    const { stream, catalog, itemCounted, items, outbox, published, start } = setUp();
    const written = await countChanges(items, outbox, itemCounted, { subjects: 4, perSubject: 10 });
    // As if a relay died after its XADDs went through but before it pulled the events:
    // one subject's first events are already on the stream.
    const alreadyPublished = written.filter((event) => event.subject === 'item-2').slice(0, 4);
    await new EventPublisher(redis, catalog).publishBatch(alreadyPublished);

    const relay = start();
    await eventually('outboxes emptied', async () => (await relay.backlog()).count === 0);
    // The observer hears of a round after its removal, which the backlog may see first.
    await eventually('round reported', () => published.events + published.duplicates === 40);

    const onStream = await eventsOnStream(redis, stream);
    expect(onStream).toHaveLength(40);
    expect(new Set(onStream.map((event) => event.id)).size).toBe(40);
    expect(published).toEqual({ events: 36, duplicates: 4 });
    for (const amounts of amountsBySubject(onStream).values()) {
      expect(amounts).toEqual(Array.from({ length: 10 }, (_, index) => index));
    }
  });

  it('sets a document aside whose event cannot be published, and the others flow', async () => {
    const { stream, itemCounted, items, outbox, problems, start } = setUp();
    await items.create(
      outbox.documentWithEvents({ _id: 'good', total: 1 }, [
        createEvent(itemCounted, { subject: 'good', data: { itemId: 'good', amount: 1 } }),
      ]),
    );
    // Written around the MongoOutbox (say, by an older release whose contract allowed it).
    const [pending] = outbox.pendingEvents([
      createEvent(itemCounted, { subject: 'bad', data: { itemId: 'bad', amount: 1 } }),
    ]);
    await items.collection.insertOne({
      _id: 'bad',
      total: 1,
      _outbox: [{ ...pending, data: '{"itemId":"bad"}' }],
    } as never);

    const relay = start();
    await eventually('good published', async () => (await redis.xlen(`{${stream}}`)) === 1);
    await eventually('problem reported', () =>
      problems.some((message) => /RelayItem\d+ bad holds an event/.test(message)),
    );
    await eventually('only the unpublishable event left', async () => (await relay.backlog()).count === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await relay.backlog()).count).toBe(1);
  });

  it('refuses a model without the outbox field', () => {
    const { catalog } = setUp();
    const plain = connection.model('PlainItem', new connection.base.Schema({ name: String }));
    expect(() => mongooseOutboxRelay({ domain: 'x', models: [plain], redis, catalog })).toThrow(
      /model PlainItem has no _outbox field: apply outboxPlugin/,
    );
  });
});
