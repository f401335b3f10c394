import { customerEvents } from '@mesh/customers-contracts';
import { MessagingMetrics, redisConfig,RedisStreamsServer } from '@mesh/messaging';
import type { ConfigType } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ORDERS_CONSUMER_GROUP } from './customer-replica.service';

/**
 * The consumer of `customers.customer.v1`, run inside the app. A new group starts from the
 * beginning of the retained stream so that a fresh replica learns every customer; events of
 * one customer are handled one after another (orderBySubject), in stream order.
 */
export function customerEventsTransport(app: NestFastifyApplication): RedisStreamsServer {
  const redis = app.get<ConfigType<typeof redisConfig>>(redisConfig.KEY);
  return new RedisStreamsServer({
    redis: redis.url,
    consumer: redis.consumerName,
    idleConsumerMs: redis.idleConsumerMs,
    group: ORDERS_CONSUMER_GROUP,
    contracts: customerEvents,
    orderBySubject: true,
    startFrom: 'beginning',
    metrics: app.get(MessagingMetrics),
  });
}
