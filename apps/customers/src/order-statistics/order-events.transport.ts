import { MessagingMetrics, type RedisConfig, redisConfig, RedisStreamsServer } from '@mesh/messaging';
import { orderEvents } from '@mesh/orders-contracts';
import type { INestApplicationContext } from '@nestjs/common';

/** The group every replica of this service joins on the orders' stream. */
export const CUSTOMERS_GROUP = 'customers';

/**
 * The Redis Streams consumer that feeds OrderEventsStreamController. Events of one order are
 * handled in stream order (`orderBySubject`); a new group starts from the beginning of the
 * retained history, so that a fresh customers service counts the orders placed before it.
 */
export function orderEventsTransport(app: INestApplicationContext): RedisStreamsServer {
  const redis = app.get<RedisConfig>(redisConfig.KEY);
  return new RedisStreamsServer({
    redis: redis.url,
    consumer: redis.consumerName,
    idleConsumerMs: redis.idleConsumerMs,
    group: CUSTOMERS_GROUP,
    contracts: orderEvents,
    orderBySubject: true,
    startFrom: 'beginning',
    metrics: app.get(MessagingMetrics),
  });
}
