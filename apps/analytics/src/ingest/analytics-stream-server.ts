import { MessagingMetrics, redisConfig,RedisStreamsServer } from '@mesh/messaging';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';

import { analyticsDatabase } from '../config/analytics-database.config';
import { INPUT_CONTRACTS } from './input-streams';
import { ANALYTICS_GROUP } from './live-projection.service';

/**
 * The live consumer: group `analytics` on the orders and customers streams, from the beginning
 * of their history when the group is new, events of one subject in stream order, and no more
 * handlers at once than the database pool can serve beside the API.
 */
export function analyticsStreamServer(app: INestApplicationContext): RedisStreamsServer {
  const redis = app.get<ConfigType<typeof redisConfig>>(redisConfig.KEY);
  const database = app.get<ConfigType<typeof analyticsDatabase>>(analyticsDatabase.KEY);
  const metrics = app.get(MessagingMetrics).consumerObserver(ANALYTICS_GROUP);
  const log = new Logger('AnalyticsConsumer');
  return new RedisStreamsServer({
    redis: redis.url,
    consumer: redis.consumerName,
    idleConsumerMs: redis.idleConsumerMs,
    group: ANALYTICS_GROUP,
    contracts: INPUT_CONTRACTS,
    startFrom: 'beginning',
    orderBySubject: true,
    concurrency: database.consumerConcurrency,
    observer: {
      ...metrics,
      // The transport logs dead letters itself unless an observer replaces the hook: keep both.
      deadLettered: (delivery, reason) => {
        metrics.deadLettered?.(delivery, reason);
        log.warn(`dead-lettered ${delivery.stream} ${delivery.entryId}: ${reason}`);
      },
    },
  });
}
