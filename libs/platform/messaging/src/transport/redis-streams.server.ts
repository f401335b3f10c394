import { createRedisClient, type RedisClient, type RedisTarget } from '@mesh/service';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { hostname } from 'node:os';

import type { ConsumerReads } from '../consumer/consumer-declaration';
import { combineObservers } from '../consumer/consumer-observer';
import type { StreamConsumerOptions } from '../consumer/consumer-options';
import type { EventHandler } from '../consumer/delivery';
import { StreamConsumer } from '../consumer/stream-consumer';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { inProcessSpan } from '../tracing/messaging-spans';
import { withEventLogContext } from './event-log-context';

/** How the transport reads; what it reads and in which order comes from the declaration. */
export type ConsumerTuning = Omit<
  StreamConsumerOptions,
  'redis' | 'streams' | 'catalog' | 'handle' | 'handles' | 'consumer' | 'group' | 'startFrom' | 'orderBySubject'
>;

export type RedisStreamsServerOptions = ConsumerTuning & {
  /** Redis URL, or the topology (one server, a cluster, a Sentinel master). */
  redis: RedisTarget;
  /** The consumer: group, contracts read, ordering and the route of each handled type. */
  declaration: ConsumerReads;
  /**
   * Runs one delivered event, usually `(event) => declaration.dispatch(service, event)`; a
   * consumer that wraps its routes (a transaction, a lock) does so here.
   */
  handle: EventHandler;
  /** Defaults to `<host name>-<pid>`, one per replica. */
  consumer?: string;
  /** Counts consumed, failed and dead-lettered events and handler durations for this group. */
  metrics?: MessagingMetrics;
};

/**
 * NestJS transport over Redis Streams, started and drained with the application (a hybrid app):
 * it reads the declaration's streams with its consumer group and hands each validated event of
 * a handled type to `handle`, with the event's trace context in the log lines it writes.
 */
export class RedisStreamsServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(RedisStreamsServer.name);
  private redis: RedisClient | undefined;
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
    const { redis, declaration, handle, consumer, metrics, ...tuning } = this.options;
    const { group, startFrom, orderBySubject, streams, catalog } = declaration;
    this.redis = createRedisClient(redis);
    this.redis.on('error', (error: Error) => this.log.warn(`Redis connection error: ${error.message}`));
    this.consumer = new StreamConsumer({
      ...tuning,
      redis: this.redis,
      group,
      startFrom,
      orderBySubject,
      consumer: consumer ?? `${hostname()}-${process.pid}`,
      streams: [...streams],
      catalog,
      handles: (type) => declaration.handles(type),
      // A span per handled event, current while the handler runs: its writes and log lines join the event's trace.
      handle: (event, delivery) =>
        inProcessSpan(event, delivery, () =>
          withEventLogContext(event, async () => {
            await handle(event, delivery);
            // At debug level: a line per handled event, as the access log has one per request.
            this.log.debug(`handled ${event.type} ${event.id} from ${delivery.stream} ${delivery.entryId}`);
          }),
        ),
      // Problems and dead letters are always logged; metrics and the caller's observer come on top.
      observer: combineObservers(
        {
          problem: (message, error) =>
            this.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
          deadLettered: (delivery, reason) =>
            this.log.warn(`dead-lettered ${delivery.stream} ${delivery.entryId}: ${reason}`),
          entriesLost: (key, lost) =>
            this.log.error(
              `group ${group} lost ${lost} entries of ${key}: the producer trimmed them (its replay cap) before the group read them`,
            ),
          consumersRemoved: (key, consumers) =>
            this.log.log(`removed idle consumers of crashed replicas from ${group} on ${key}: ${consumers.join(', ')}`),
        },
        metrics?.consumerObserver(group),
        tuning.observer,
      ),
    });
    await this.consumer.start();
    this.log.log(`consumer group ${group} reading ${streams.join(', ')}`);
  }
}
