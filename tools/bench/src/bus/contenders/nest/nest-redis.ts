import type { EventEnvelope } from '@mesh/contract-kit';
import { INestMicroservice, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientProxyFactory, RedisOptions, Transport } from '@nestjs/microservices';
import { Redis } from 'ioredis';
import { lastValueFrom } from 'rxjs';

import { Arrivals } from '../../arrivals';
import type { BenchContext, BusContender } from '../../contender';
import { measureConsume, measureLatency, measurePublish } from '../../phases';
import { BenchMicroserviceModule } from './bench-microservice.module';
import { orderPlacedChannel } from './order-placed.controller';

type RedisConnection = NonNullable<RedisOptions['options']>;

function connectionOf(url: string): RedisConnection {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
  };
}

/** NestJS's built-in Redis transport: ClientProxy.emit to an @EventPattern handler, in-process. */
export class NestRedisContender implements BusContender {
  readonly label = 'NestJS Transport.REDIS';
  readonly notes = [
    'pub/sub: an event emitted while no microservice is subscribed is lost, and nothing is acknowledged or replayable; ' +
      'publish = emit with no subscriber; consume = from the first emit until the last event reached the ' +
      '@EventPattern handler of an in-process microservice (emit and handling share the process)',
  ];
  private readonly connection: RedisConnection;
  private readonly client: ClientProxy;
  private readonly redis: Redis;

  constructor(private readonly context: BenchContext) {
    // Nest's connection logs would interleave with the report.
    Logger.overrideLogger(false);
    this.connection = connectionOf(context.options.redisUrl);
    this.client = ClientProxyFactory.create({ transport: Transport.REDIS, options: this.connection });
    this.redis = new Redis(context.options.redisUrl);
  }

  async publish(events: readonly EventEnvelope[]): Promise<number> {
    await this.client.connect();
    return measurePublish(events, this.context.options.batchSize, (batch) => this.emit(batch));
  }

  async consume(events: readonly EventEnvelope[]) {
    const arrivals = new Arrivals();
    const microservice = await this.listen(arrivals);
    try {
      return await measureConsume(events.length, arrivals, async () => {
        await measurePublish(events, this.context.options.batchSize, (batch) => this.emit(batch));
      });
    } finally {
      await microservice.close();
    }
  }

  async latency(events: readonly EventEnvelope[]) {
    const arrivals = new Arrivals();
    const microservice = await this.listen(arrivals);
    try {
      return await measureLatency(events, this.context.options, arrivals, (batch) => this.emit(batch));
    } finally {
      await microservice.close();
    }
  }

  async close(): Promise<void> {
    await this.client.close();
    await this.redis.quit();
  }

  private emit(batch: readonly EventEnvelope[]): Promise<unknown> {
    return Promise.all(
      batch.map((event) => lastValueFrom(this.client.emit(orderPlacedChannel, event), { defaultValue: undefined })),
    );
  }

  /** Starts the microservice and waits for its SUBSCRIBE, which `listen()` does not wait for. */
  private async listen(arrivals: Arrivals): Promise<INestMicroservice> {
    const microservice = await NestFactory.createMicroservice<RedisOptions>(
      BenchMicroserviceModule.reportingTo(arrivals),
      {
        transport: Transport.REDIS,
        options: this.connection,
        logger: false,
      },
    );
    await microservice.listen();
    const deadline = Date.now() + 5_000;
    while (Number((await this.redis.pubsub('NUMSUB', orderPlacedChannel))[1]) < 1) {
      if (Date.now() > deadline)
        throw new Error(`the microservice did not subscribe to ${orderPlacedChannel} within 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return microservice;
  }
}
