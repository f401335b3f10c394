// @mesh/messaging/mongoose: the outbox, inbox and status of a domain on MongoDB through Mongoose.
export type { EventEffect } from './inbox-mongoose/apply-event-once';
export { applyEventOnce } from './inbox-mongoose/apply-event-once';
export type { InboxFieldOptions } from './inbox-mongoose/inbox-field';
export { inboxField, inboxPlugin } from './inbox-mongoose/inbox-field';
export { isDuplicateKey } from './outbox-mongoose/is-duplicate-key';
export { MongoOutbox } from './outbox-mongoose/mongo-outbox';
export type { RelayModels } from './outbox-mongoose/mongoose-event-bus.providers';
export { mongooseEventBusProviders } from './outbox-mongoose/mongoose-event-bus.providers';
export type { MongooseOutboxRelayOptions } from './outbox-mongoose/mongoose-outbox-relay';
export { mongooseOutboxRelay } from './outbox-mongoose/mongoose-outbox-relay';
export { MongooseOutboxStore } from './outbox-mongoose/mongoose-outbox-store';
export { outboxField, outboxPlugin } from './outbox-mongoose/outbox-field';
export type { MongoOutboxSource } from './outbox-mongoose/outbox-source';
export type { PendingBatch } from './outbox-mongoose/pending-batch';
export type { PendingEvent } from './outbox-mongoose/pending-event';
export type { RelayLeaseDocument } from './outbox-mongoose/relay-lease';
export type { MongooseStatusOptions } from './status/mongoose-data-product-status';
export { mongooseDataProductStatus } from './status/mongoose-data-product-status';
