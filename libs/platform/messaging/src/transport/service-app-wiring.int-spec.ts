import { createEvent } from '@mesh/contract-kit';
import { createServiceApp, ServiceModule } from '@mesh/service';
import { Controller, type DynamicModule, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { PassThrough } from 'node:stream';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import { redisConfig } from '../config/redis-config';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { TypeormOutbox } from '../outbox-typeorm/typeorm-outbox';
import { typeormOutboxRelay } from '../outbox-typeorm/typeorm-outbox-relay';
import { streamKeys } from '../streams/stream-keys';
import { advisoryLockHolders, readStream } from '../testing/outbox-fixtures';
import { createTestDatabase, openDataSource, type TestDatabase } from '../testing/test-database';
import { deleteStreamKeys, eventually, redisUrl, testStream } from '../testing/test-streams';
import { RedisStreamsServer } from './redis-streams.server';

const { stream, itemCounted, contracts, catalog } = testStream();
const handled: Array<{ itemId: string; amount: number }> = [];

@Controller()
class ItemsStreamController {
  @EventPattern('test.item.counted')
  onCounted(@Payload() data: { itemId: string; amount: number }): void {
    handled.push(data);
  }
}

/** A domain's module as the domains write it: configuration, the relay as a provider, a stream controller. */
function domainModule(dataSource: DataSource): DynamicModule {
  @Module({
    imports: [ServiceModule.forRoot({ name: 'wiring-test', config: [redisConfig] })],
    controllers: [ItemsStreamController],
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
          typeormOutboxRelay({ dataSource, redis: redis.url, catalog, pollIntervalMs: 100, takeoverDelayMs: 0 }),
      },
    ],
  })
  class WiringTestModule {}
  return { module: WiringTestModule };
}

describe('a domain service wired with createServiceApp', () => {
  const redis = new Redis(redisUrl());
  let database: TestDatabase;
  let dataSource: DataSource;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase('wiring');
    dataSource = await openDataSource(database.url);
    await dataSource.runMigrations();
    app = await createServiceApp(domainModule(dataSource), {
      env: { REDIS_URL: redisUrl(), PORT: '0' },
      logDestination: new PassThrough(),
      transports: (nestApp) => [
        new RedisStreamsServer({
          redis: nestApp.get<ConfigType<typeof redisConfig>>(redisConfig.KEY).url,
          group: 'wiring-test',
          contracts,
          startFrom: 'beginning',
          blockMs: 100,
          metrics: nestApp.get(MessagingMetrics),
        }),
      ],
    });
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
        `mesh_events_consumed_total{group="wiring-test",stream="${stream}",type="test.item.counted"} 3`,
      ),
    );

    await app.close();
    expect(app.get(OutboxRelay).active).toBe(false);
    expect(await advisoryLockHolders(dataSource)).toBe(0);
    const [pending] = (await redis.xpending(streamKeys.source(stream), 'wiring-test')) as [number];
    expect(pending).toBe(0);
  });
});
