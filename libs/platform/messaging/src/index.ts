// @mesh/messaging: the event bus whatever the store. A service adds the entry point of its
// store, @mesh/messaging/typeorm or @mesh/messaging/mongoose, so it loads only that ORM.
export { eventBusReadiness } from './config/event-bus-readiness';
export { FailFastRedis } from './config/fail-fast-redis';
export type { RedisConfig } from './config/redis-config';
export { redisConfig } from './config/redis-config';
export { withRedisCredentials } from './config/redis-credentials';
export type {
  ConsumerDeclaration,
  ConsumerReads,
  ConsumerSettings,
  DeclaredInput,
  EventRoute,
  RouteBuilder,
} from './consumer/consumer-declaration';
export { defineConsumer } from './consumer/consumer-declaration';
export type { ConsumerObserver } from './consumer/consumer-observer';
export { combineObservers } from './consumer/consumer-observer';
export type { StreamConsumerOptions } from './consumer/consumer-options';
export { deadLetterFields } from './consumer/dead-letter';
export type { Delivery, DeliveryInfo, EventHandler } from './consumer/delivery';
export { assertInputPorts, inputPortMismatches } from './consumer/input-port-check';
export { StreamConsumer } from './consumer/stream-consumer';
export type { OutboxBacklog } from './metrics/messaging-metrics';
export { MessagingMetrics } from './metrics/messaging-metrics';
export { OutboxRelay } from './outbox/outbox-relay';
export type { RelayWiring } from './outbox/outbox-relay.provider';
export { relayProvider } from './outbox/outbox-relay.provider';
export type { OutboxStore, OutboxStoreListener, PendingEvents, RelayLeadership } from './outbox/outbox-store';
export type { OutgoingEvent } from './outbox/publishable-event';
export { checkPublishable, UnpublishableEventError } from './outbox/publishable-event';
export type { OutboxRelayObserver, OutboxRelayOptions } from './outbox/relay-options';
export type { PublishedEvent, PublisherObserver } from './publisher/event-publisher';
export { EventPublisher } from './publisher/event-publisher';
export type { RedriveResult } from './redrive/redrive';
export { redrive } from './redrive/redrive';
export type { RetentionObserver, StreamRetentionOptions } from './retention/stream-retention';
export { StreamRetention } from './retention/stream-retention';
export type { TrimmerLease } from './retention/stream-retention.provider';
export { streamRetentionProvider } from './retention/stream-retention.provider';
export type { GroupBehind, RetentionPolicy, TrimResult } from './retention/trim-stream';
export { trimByAge, trimStream } from './retention/trim-stream';
export type { StreamsStatusOptions } from './status/streams-data-product-status';
export { streamsDataProductStatus } from './status/streams-data-product-status';
export type { GroupInfo } from './streams/group-info';
export { readGroups } from './streams/group-info';
export { streamKeys, streamNameOf } from './streams/stream-keys';
export { PeriodicSweep } from './sweep/periodic-sweep';
// The event path's tracing, for an outbox or transport of a team's own (and the bench's measure of
// what these calls cost with tracing off, when they do nothing).
export { withActiveTraceContext } from './tracing/event-trace-context';
export { endSpan, inProcessSpan, startSendSpan } from './tracing/messaging-spans';
export { consumerTransport } from './transport/consumer-transport';
export type { ConsumerTuning, RedisStreamsServerOptions } from './transport/redis-streams.server';
export { RedisStreamsServer } from './transport/redis-streams.server';
