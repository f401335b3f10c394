import { createEvent, type DataProductManifest } from '@mesh/contract-kit';
import { createServiceApp, ServiceModule } from '@mesh/service';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PassThrough } from 'node:stream';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import { redisConfig } from '../config/redis-config';
import { defineConsumer } from '../consumer/consumer-declaration';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { TypeormOutbox } from '../outbox-typeorm/typeorm-outbox';
import { typeormOutboxRelay } from '../outbox-typeorm/typeorm-outbox-relay';
import { streamKeys } from '../streams/stream-keys';
import { advisoryLockHolders, readStream } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, type TestDatabase } from '../testing/test-database';
import { testManifest } from '../testing/test-manifest';
import { testRedis, testRedisEnv } from '../testing/test-redis';
import { deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { consumerTransport } from './consumer-transport';

const { stream, itemCounted, contracts, catalog } = testStream();
const handled: Array<{ itemId: string; amount: number }> = [];

/** The consumer as a domain declares it; `test` is the group of the test manifest's input ports. */
const itemsConsumer = defineConsumer<typeof handled>(
  { group: 'test', reads: contracts, startFrom: 'beginning', orderBySubject: false },
  (on) => [on(itemCounted, (received, item) => received.push(item))],
);

const unmeasured = async () => ({
  outputs: [],
  inputs: [],
  outbox: { backlog: null, oldestAgeSeconds: null },
  freshnessSeconds: null,
});

/** A domain's module as the domains write it: configuration, its product, the relay as a provider. */
function domainModule(dataSource: DataSource, manifest: DataProductManifest): DynamicModule {
  @Module({
    imports: [
      ServiceModule.forRoot({
        name: 'wiring-test',
        config: [redisConfig],
        dataProduct: { product: { manifest }, status: { setup: () => ({ measure: unmeasured }) } },
      }),
    ],
    providers: [
      {
        provide: MessagingMetrics,
        inject: [Registry],
        useFactory: (registry: Registry) => new MessagingMetrics(registry),
      },
      {
        provide: OutboxRelay,
        inject: [redisConfig.KEY],
        useFactory: (redis: ConfigType<typeof redisConfig>) =>
          typeormOutboxRelay({ dataSource, redis: redis.topology, catalog, pollIntervalMs: 100, takeoverDelayMs: 0 }),
      },
    ],
  })
  class WiringTestModule {}
  return { module: WiringTestModule };
}

function startApp(dataSource: DataSource, manifest: DataProductManifest): Promise<NestFastifyApplication> {
  return createServiceApp(domainModule(dataSource, manifest), {
    env: { ...testRedisEnv(), PORT: '0' },
    logDestination: new PassThrough(),
    transports: (nestApp) => [
      consumerTransport(nestApp, itemsConsumer, (event) => itemsConsumer.dispatch(handled, event), { blockMs: 100 }),
    ],
  });
}

describe('a domain service wired with createServiceApp', () => {
  const redis = testRedis();
  let database: TestDatabase;
  let dataSource: DataSource;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase('wiring');
    dataSource = await openDataSource(database.url);
    await dataSource.runMigrations();
    app = await startApp(dataSource, testManifest({ inputs: [stream] }));
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await database?.drop();
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('relays committed outbox rows and hands them to its stream handlers, counted in its metrics, then stops both on close', async () => {
    const events = [1, 2, 3].map((amount) =>
      createEvent(itemCounted, { subject: `item-${amount}`, data: { itemId: `item-${amount}`, amount } }),
    );
    await dataSource.transaction((manager) => new TypeormOutbox(catalog).add(manager, events));

    await eventually('relayed and handled', () => handled.length === 3);
    expect(handled.map((data) => data.amount)).toEqual([1, 2, 3]);
    expect((await readStream(redis, stream)).map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(app.get(OutboxRelay).active).toBe(true);
    await eventually('counted', async () =>
      (await app.get(Registry).getSingleMetricAsString('mesh_events_consumed_total')).includes(
        `mesh_events_consumed_total{group="test",stream="${stream}",type="test.item.counted"} 3`,
      ),
    );

    await app.close();
    expect(app.get(OutboxRelay).active).toBe(false);
    expect(await advisoryLockHolders(dataSource)).toBe(0);
    const [pending] = (await redis.xpending(streamKeys.source(stream), itemsConsumer.group)) as [number];
    expect(pending).toBe(0);
  });

  it('refuses to start when its manifest does not declare what the consumer handles', async () => {
    const manifest = testManifest({ inputs: [stream] });
    const lying = {
      ...manifest,
      inputPorts: manifest.inputPorts.map((port) => ({ ...port, eventTypes: ['test.item.noted'] })),
    };

    await expect(startApp(dataSource, lying)).rejects.toThrow(
      `${stream} (group test): handled but not in the manifest: test.item.counted`,
    );
  });
});
