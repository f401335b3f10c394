import { createEvent } from '@mesh/contract-kit';
import { Redis } from 'ioredis';
import type { Connection, Model } from 'mongoose';

import type { OutboxRelay } from '../outbox/outbox-relay';
import { countChanges, CountedItem, countedItemModel } from '../testing/counted-items';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { amountsBySubject, eventsOnStream } from '../testing/stream-events';
import { eventually, testStream } from '../testing/test-streams';
import { MongoOutbox } from './mongo-outbox';
import { mongooseOutboxRelay } from './mongoose-outbox-relay';

jest.setTimeout(120_000);

describe('the Mongoose outbox relay while Redis is unreachable', () => {
  const { stream, catalog, itemCounted } = testStream();
  const outbox = new MongoOutbox(catalog);
  const problems: string[] = [];
  let server: KillableRedisServer;
  let redis: Redis;
  let connection: Connection;
  let items: Model<CountedItem>;
  let relay: OutboxRelay;

  beforeAll(async () => {
    server = await KillableRedisServer.start();
    // Reconnect quickly, so that the test does not wait out ioredis' default back-off.
    redis = new Redis(server.url, { retryStrategy: () => 100, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined); // expected while the server is down
    connection = await openTestDatabase('outbox_outage');
    items = countedItemModel(connection);
    relay = mongooseOutboxRelay({
      domain: 'outage-test',
      models: [items],
      redis,
      catalog,
      pollIntervalMs: 100,
      retryMaxMs: 1_000,
      observer: { problem: (message) => problems.push(message) },
    });
  });

  afterAll(async () => {
    await relay?.stop();
    redis?.disconnect();
    await server?.kill();
    await dropTestDatabase(connection);
  });

  it('keeps 1,000 changes made while Redis is down and publishes them all, once and in order, when it is back', async () => {
    relay.start();
    // Events flow while Redis is up (and the relay holds a connection that the kill breaks).
    const warmUp = createEvent(itemCounted, { subject: 'warm-up', data: { itemId: 'warm-up', amount: 0 } });
    await items.create(outbox.documentWithEvents({ _id: 'warm-up', total: 0 }, [warmUp]));
    await eventually('warm-up event published', async () => (await relay.backlog()).count === 0);

    await server.kill();
    const started = Date.now();
    const written = await countChanges(items, outbox, itemCounted, { subjects: 50, perSubject: 20 });
    const writeMs = Date.now() - started;
    expect(written).toHaveLength(1_000);
    expect((await relay.backlog()).count).toBe(1_000);
    await eventually('the relay noticed', () => problems.some((message) => /Redis/.test(message)));
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // let it fail and back off a few times
    expect((await relay.backlog()).count).toBe(1_000);

    // The server keeps nothing on disk, so it comes back empty: the warm-up entry is gone and
    // the stream holds exactly what the relay publishes from now on.
    await server.restart();
    const restarted = Date.now();
    await eventually('outboxes emptied', async () => (await relay.backlog()).count === 0, 60_000);
    const recoveryMs = Date.now() - restarted;

    const onStream = await eventsOnStream(redis, stream);
    const ids = onStream.map((event) => event.id);
    expect(ids).toHaveLength(1_000);
    expect(new Set(ids)).toEqual(new Set(written.map((event) => event.id)));
    const amounts = amountsBySubject(onStream);
    expect(amounts.size).toBe(50);
    for (const perSubject of amounts.values()) {
      expect(perSubject).toEqual(Array.from({ length: 20 }, (_, index) => index));
    }
    const documents = await items.collection.find({}).toArray();
    expect(documents.every((document) => (document['_outbox'] as unknown[]).length === 0)).toBe(true);
    expect(
      documents.filter((document) => String(document['_id']) !== 'warm-up').map((document) => document['total']),
    ).toEqual(Array<number>(50).fill(190));
    process.stdout.write(
      `outage: 1,000 changes written in ${writeMs} ms, published ${recoveryMs} ms after Redis returned\n`,
    );
  });
});
