import type { DataProductManifest, EventCatalog } from '@mesh/contract-kit';
import type { InjectionToken, Provider } from '@nestjs/common';

import { OutboxRelay } from '../outbox/outbox-relay';
import { relayProvider } from '../outbox/outbox-relay.provider';
import { streamRetentionProvider } from '../retention/stream-retention.provider';
import { mongooseOutboxRelay } from './mongoose-outbox-relay';
import type { MongoOutboxSource } from './outbox-source';

/** The models a domain's relay publishes from, built from injected providers (e.g. `getModelToken`). */
export interface RelayModels<Injected extends unknown[]> {
  inject: readonly InjectionToken[];
  models: (...injected: Injected) => MongoOutboxSource[];
}

/**
 * What every Mongoose domain runs on the event bus, started and stopped with the app: the outbox
 * relay that publishes the events waiting in its documents (the Nest provider `OutboxRelay`, see
 * relayProvider) and the stream retention of the replica that holds the relay's lease. Needs
 * `redisConfig` and a MessagingMetrics provider.
 */
export function mongooseEventBusProviders<Injected extends unknown[]>(
  manifest: DataProductManifest,
  catalog: EventCatalog,
  sources: RelayModels<Injected>,
): Provider[] {
  const { domain } = manifest;
  const relay = relayProvider<Injected>(domain, sources.inject, (injected, { redis, observer }) =>
    mongooseOutboxRelay({ domain, models: sources.models(...injected), redis: redis.topology, replicaWait: redis.replicaWait, catalog, observer }),
  );
  return [relay, streamRetentionProvider(manifest, OutboxRelay)];
}
