import { createEvent, type EventEnvelope } from '@mesh/contract-kit';
import { Logger, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import { PassThrough } from 'node:stream';

import { defineConsumer } from '../consumer/consumer-declaration';
import type { DeliveryInfo } from '../consumer/delivery';
import { EventPublisher } from '../publisher/event-publisher';
import { readGroups } from '../streams/group-info';
import { streamKeys } from '../streams/stream-keys';
import { testRedis, testRedisTarget } from '../testing/test-redis';
import { deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { RedisStreamsServer } from './redis-streams.server';

const { stream, itemCounted, itemNoted, contracts, catalog } = testStream();
const received: Array<{ data: { itemId: string; amount: number }; event: EventEnvelope; delivery: DeliveryInfo }> = [];
const log = new Logger('ItemsConsumer');

/** Routes `test.item.counted` only: `test.item.noted` is read, acknowledged and skipped. */
const itemsConsumer = defineConsumer<DeliveryInfo>(
  { group: 'items', reads: contracts, startFrom: 'beginning', orderBySubject: true },
  (on) => [
    on(itemCounted, (delivery, data, event) => {
      log.log(`counting ${data.itemId}`);
      received.push({ data, event, delivery });
    }),
  ],
);

describe('RedisStreamsServer (NestJS transport in a hybrid application)', () => {
  const redis = testRedis();
  const logLines: string[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().trim().split('\n')));

    @Module({
      imports: [LoggerModule.forRoot({ pinoHttp: { level: 'info', stream: logStream } })],
    })
    class ItemsModule {}

    const moduleRef = await Test.createTestingModule({ imports: [ItemsModule] }).compile();
    // A hybrid application, as a domain service is: HTTP plus the stream transport.
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.connectMicroservice(
      {
        strategy: new RedisStreamsServer({
          redis: testRedisTarget(),
          declaration: itemsConsumer,
          handle: (event, delivery) => itemsConsumer.dispatch(delivery, event),
          blockMs: 100,
        }),
      },
      { inheritAppConfig: true },
    );
    app.useLogger(app.get(PinoNestLogger));
    await app.init();
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app.close();
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('hands the route the validated data, the envelope and the delivery, and skips types without a route', async () => {
    const event = createEvent(itemCounted, {
      subject: 'item-7',
      data: { itemId: 'item-7', amount: 3 },
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationid: 'checkout-7',
    });
    const note = createEvent(itemNoted, { subject: 'item-7', data: { itemId: 'item-7', note: 'fragile' } });
    await new EventPublisher(redis, catalog).publish(event);
    await new EventPublisher(redis, catalog).publish(note);

    await eventually('handled', () => received.length === 1);
    const [{ data, event: envelope, delivery }] = received;
    expect(data).toEqual({ itemId: 'item-7', amount: 3 });
    expect(envelope).toMatchObject({ id: event.id, subject: 'item-7', correlationid: 'checkout-7' });
    expect(delivery).toMatchObject({ group: 'items', stream, deliveryCount: 1, redriven: false });

    await eventually('both entries read and acknowledged', async () => {
      const [group] = await readGroups(redis, streamKeys.source(stream));
      return group?.lag === 0 && group.pending === 0;
    });
    expect(received).toHaveLength(1);
  });

  it("puts the event's trace context into the handler's log lines", () => {
    const line = logLines
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry['msg'] === 'counting item-7');
    expect(line).toMatchObject({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationId: 'checkout-7',
      event: { type: 'test.item.counted', subject: 'item-7' },
    });
  });
});
