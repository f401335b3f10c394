import type { DataProductManifest, EventCatalog } from '@mesh/contract-kit';
import type { Provider } from '@nestjs/common';

import { inboxPrunerProvider } from '../inbox-typeorm/inbox-pruner.provider';
import { OutboxRelay } from '../outbox/outbox-relay';
import { streamRetentionProvider } from '../retention/stream-retention.provider';
import { outboxRelayProvider } from './outbox-relay.provider';

/**
 * What every TypeORM domain runs on the event bus, started and stopped with the app: the outbox
 * relay that publishes its events, the stream retention of the replica that holds the relay's
 * lease, and the pruning of its inbox. Needs the domain's DataSource, `redisConfig` and a
 * MessagingMetrics provider.
 */
export function typeormEventBusProviders(manifest: DataProductManifest, catalog: EventCatalog): Provider[] {
  return [
    outboxRelayProvider(manifest.domain, catalog),
    streamRetentionProvider(manifest, OutboxRelay),
    inboxPrunerProvider,
  ];
}
