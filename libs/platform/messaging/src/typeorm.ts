// @mesh/messaging/typeorm: the outbox, inbox and status of a domain on PostgreSQL through TypeORM.
export { CreateMeshInbox1795588226593 } from './inbox-typeorm/create-mesh-inbox.migration';
export { InboxPruner, inboxPrunerProvider } from './inbox-typeorm/inbox-pruner.provider';
export { InboxRecord } from './inbox-typeorm/inbox-record.entity';
export { IndexMeshInboxByAge1796600033689 } from './inbox-typeorm/index-mesh-inbox-by-age.migration';
export { TypeormInbox } from './inbox-typeorm/typeorm-inbox';
export { CreateMeshOutbox1795588226592 } from './outbox-typeorm/create-mesh-outbox.migration';
export { OutboxMessage } from './outbox-typeorm/outbox-message.entity';
export { outboxRelayProvider } from './outbox-typeorm/outbox-relay.provider';
export { typeormEventBusProviders } from './outbox-typeorm/typeorm-event-bus.providers';
export { TypeormOutbox } from './outbox-typeorm/typeorm-outbox';
export type { TypeormOutboxRelayOptions } from './outbox-typeorm/typeorm-outbox-relay';
export { typeormOutboxRelay } from './outbox-typeorm/typeorm-outbox-relay';
export type { UnsentBatch } from './outbox-typeorm/typeorm-outbox-store';
export { TypeormOutboxStore } from './outbox-typeorm/typeorm-outbox-store';
export type { TypeormStatusOptions } from './status/typeorm-data-product-status';
export { typeormDataProductStatus } from './status/typeorm-data-product-status';
export type { ExpiringRows } from './sweep/delete-rows-older-than';
export { deleteRowsOlderThan } from './sweep/delete-rows-older-than';
