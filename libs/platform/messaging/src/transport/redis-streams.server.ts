import { EventCatalog, EventContract, EventEnvelope } from '@mesh/contract-kit';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Redis, RedisOptions } from 'ioredis';
import { hostname } from 'node:os';
import { lastValueFrom } from 'rxjs';

import { combineObservers } from '../consumer/consumer-observer';
import type { StreamConsumerOptions } from '../consumer/consumer-options';
import type { DeliveryInfo } from '../consumer/delivery';
import { StreamConsumer } from '../consumer/stream-consumer';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { withEventLogContext } from './event-log-context';
import { StreamContext } from './stream-context';

export type RedisStreamsServerOptions = Omit<
  StreamConsumerOptions,
  'redis' | 'streams' | 'catalog' | 'handle' | 'handles' | 'consumer'
> & {
  /** Redis URL or ioredis options. */
  redis: string | RedisOptions;
  /** Every contract of the streams this service consumes (a producer's contracts library exports them). */
  contracts: EventContract[];
  /** Defaults to `<host name>-<pid>`, one per replica. */
  consumer?: string;
  /** Counts consumed, failed and dead-lettered events and handler durations for this group. */
  metrics?: MessagingMetrics;
};

/**
 * NestJS transport over Redis Streams: `@EventPattern('orders.order.placed')` methods receive
 * the validated event data (and, through `@Ctx()`, a StreamContext). The streams read are
 * those that carry the handled event types, with one consumer group for the service.
 */
export class RedisStreamsServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(RedisStreamsServer.name);
  private redis: Redis | undefined;
  private consumer: StreamConsumer | undefined;

  constructor(private readonly options: RedisStreamsServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Drains the consumer, then disconnects. Safe to call twice (Nest closes microservices once per app.close()). */
  async close(): Promise<void> {
    const { consumer, redis } = this;
    this.consumer = undefined;
    this.redis = undefined;
    await consumer?.stop();
    await redis?.quit().catch(() => redis.disconnect());
  }

  on(): never {
    throw new Error('RedisStreamsServer has no events to subscribe to');
  }

  unwrap<T>(): T {
    if (!this.redis) throw new Error('RedisStreamsServer is not listening yet');
    return this.redis as T;
  }

  private async start(): Promise<void> {
    const { redis, contracts, consumer, metrics, ...consumerOptions } = this.options;
    const catalog = new EventCatalog(contracts);
    const handledTypes = [...this.messageHandlers.keys()];
    const unknown = handledTypes.filter((type) => !catalog.get(type));
    if (unknown.length > 0) {
      throw new Error(`@EventPattern for unknown event type(s) ${unknown.join(', ')}: add their contracts to the transport`);
    }
    const streams = [...new Set(handledTypes.map((type) => (catalog.get(type) as EventContract).stream))];
    this.redis = typeof redis === 'string' ? new Redis(redis) : new Redis(redis);
    this.redis.on('error', (error: Error) => this.log.warn(`Redis connection error: ${error.message}`));
    this.consumer = new StreamConsumer({
      ...consumerOptions,
      redis: this.redis,
      consumer: consumer ?? `${hostname()}-${process.pid}`,
      streams,
      catalog,
      handles: (type) => this.messageHandlers.has(type),
      handle: (event, delivery) => this.invoke(event, delivery),
      // Problems and dead letters are always logged; metrics and the caller's observer come on top.
      observer: combineObservers(
        {
          problem: (message, error) => this.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
          deadLettered: (delivery, reason) => this.log.warn(`dead-lettered ${delivery.stream} ${delivery.entryId}: ${reason}`),
          entriesLost: (key, lost) =>
            this.log.error(
              `group ${consumerOptions.group} lost ${lost} entries of ${key}: the producer trimmed them (its replay cap) before the group read them`,
            ),
          consumersRemoved: (key, consumers) =>
            this.log.log(`removed idle consumers of crashed replicas from ${consumerOptions.group} on ${key}: ${consumers.join(', ')}`),
        },
        metrics?.consumerObserver(consumerOptions.group),
        consumerOptions.observer,
      ),
    });
    await this.consumer.start();
    this.log.log(`consumer group ${consumerOptions.group} reading ${streams.join(', ')}`);
  }

  private async invoke(event: EventEnvelope, delivery: DeliveryInfo): Promise<void> {
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) throw new Error(`no handler for ${event.type}`);
    const result = await withEventLogContext(event, () => handler(event.data, new StreamContext([event, delivery])));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
