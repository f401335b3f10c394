import type { EventCatalog } from '@mesh/contract-kit';
import { type FactoryProvider, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';

import { redisConfig } from '../config/redis-config';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay } from './outbox-relay';

/**
 * The OutboxRelay of a TypeORM domain as a Nest provider: it starts and stops with the app, logs
 * its problems, and reports its backlog as `mesh_outbox_backlog{outbox=<name>}`. Needs the
 * domain's DataSource, `redisConfig` and a MessagingMetrics provider.
 */
export function outboxRelayProvider(name: string, catalog: EventCatalog): FactoryProvider<OutboxRelay> {
  return {
    provide: OutboxRelay,
    inject: [DataSource, redisConfig.KEY, MessagingMetrics],
    useFactory: (dataSource: DataSource, redis: ConfigType<typeof redisConfig>, metrics: MessagingMetrics) => {
      const log = new Logger(OutboxRelay.name);
      const relay = new OutboxRelay({
        dataSource,
        redis: redis.url,
        catalog,
        retentionMs: redis.retention.outboxSentKeptMs,
        cleanupIntervalMs: Math.min(60_000, redis.retention.intervalMs),
        observer: { problem: (message, error) => log.warn(error instanceof Error ? `${message}: ${error.message}` : message) },
      });
      metrics.watchOutbox(name, () => relay.backlog());
      return relay;
    },
  };
}
