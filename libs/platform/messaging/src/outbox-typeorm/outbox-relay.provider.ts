import type { EventCatalog } from '@mesh/contract-kit';
import type { FactoryProvider } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { OutboxRelay } from '../outbox/outbox-relay';
import { relayProvider } from '../outbox/outbox-relay.provider';
import { typeormOutboxRelay } from './typeorm-outbox-relay';

/**
 * The outbox relay of a TypeORM domain as the Nest provider `OutboxRelay` (see relayProvider);
 * sent rows are kept OUTBOX_SENT_KEPT_HOURS. Needs the domain's DataSource, `redisConfig` and a
 * MessagingMetrics provider.
 */
export function outboxRelayProvider(name: string, catalog: EventCatalog): FactoryProvider<OutboxRelay> {
  return relayProvider<[DataSource]>(name, [DataSource], ([dataSource], { redis, observer }) =>
    typeormOutboxRelay({
      name,
      dataSource,
      redis: redis.topology,
      replicaWait: redis.replicaWait,
      catalog,
      retentionMs: redis.retention.outboxSentKeptMs,
      cleanupIntervalMs: Math.min(60_000, redis.retention.intervalMs),
      observer,
    }),
  );
}
