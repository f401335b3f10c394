import { createEvent } from '@mesh/contract-kit';
import { Controller, Logger, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import { PassThrough } from 'node:stream';

import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { deleteStreamKeys, eventually, redisUrl, testStream } from '../testing/test-streams';
import { RedisStreamsServer } from './redis-streams.server';
import { StreamContext } from './stream-context';

const { stream, itemCounted, contracts, catalog } = testStream();
const received: Array<{ data: unknown; context: StreamContext }> = [];

@Controller()
class ItemsStreamController {
  private readonly log = new Logger(ItemsStreamController.name);

  @EventPattern('test.item.counted')
  async onCounted(@Payload() data: { itemId: string; amount: number }, @Ctx() context: StreamContext) {
    this.log.log(`counting ${data.itemId}`);
    received.push({ data, context });
  }
}

describe('RedisStreamsServer (NestJS transport in a hybrid application)', () => {
  const redis = new Redis(redisUrl());
  const logLines: string[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().trim().split('\n')));

    @Module({
      imports: [LoggerModule.forRoot({ pinoHttp: { level: 'info', stream: logStream } })],
      controllers: [ItemsStreamController],
    })
    class ItemsModule {}

    const moduleRef = await Test.createTestingModule({ imports: [ItemsModule] }).compile();
    // A hybrid application, as a domain service is: HTTP plus the stream transport.
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.connectMicroservice(
      { strategy: new RedisStreamsServer({ redis: redisUrl(), group: 'items', contracts, startFrom: 'beginning', blockMs: 100 }) },
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

  it('hands @EventPattern handlers the validated data and a context with the envelope', async () => {
    const event = createEvent(itemCounted, {
      subject: 'item-7',
      data: { itemId: 'item-7', amount: 3 },
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationid: 'checkout-7',
    });
    await new EventPublisher(redis, catalog).publish(event);

    await eventually('handled', () => received.length === 1);
    const [{ data, context }] = received;
    expect(data).toEqual({ itemId: 'item-7', amount: 3 });
    expect(context.getEnvelope()).toMatchObject({ id: event.id, subject: 'item-7', correlationid: 'checkout-7' });
    expect(context.getDelivery()).toMatchObject({ group: 'items', stream, deliveryCount: 1, redriven: false });

    await eventually('acknowledged', async () => {
      const [pending] = (await redis.xpending(streamKeys.source(stream), 'items')) as [number];
      return pending === 0;
    });
  });

  it("puts the event's trace context into the handler's log lines", () => {
    const line = logLines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry['msg'] === 'counting item-7');
    expect(line).toMatchObject({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationId: 'checkout-7',
      event: { type: 'test.item.counted', subject: 'item-7' },
    });
  });
});
