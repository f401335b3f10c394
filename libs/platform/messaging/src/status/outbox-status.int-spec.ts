import { createEvent } from '@mesh/contract-kit';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { createServer, type Server, type Socket } from 'node:net';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '../outbox/outbox-relay';
import { MongoOutbox } from '../outbox-mongoose/mongo-outbox';
import { mongooseOutboxRelay } from '../outbox-mongoose/mongoose-outbox-relay';
import { TypeormOutbox } from '../outbox-typeorm/typeorm-outbox';
import { countedItemModel } from '../testing/counted-items';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { commitThroughOutbox } from '../testing/outbox-fixtures';
import { testManifest } from '../testing/test-manifest';
import { countedEvents, testStream } from '../testing/test-streams';
import { mongooseDataProductStatus } from './mongoose-data-product-status';
import { statusTestKit } from './status-test-kit';

jest.setTimeout(60_000);

const status = statusTestKit();
const { probes, typeormProbe, contextWith, checkNamed } = status;
let redisServer: KillableRedisServer;
let redis: Redis;
let dataSource: DataSource;
beforeAll(() => ({ redisServer, redis, dataSource } = status));

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
