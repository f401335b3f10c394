import { analyticsProduct, salesDayClosed } from '@mesh/analytics-contracts';
import { EventCatalog } from '@mesh/contract-kit';
import { MessagingMetrics } from '@mesh/messaging';
import { typeormEventBusProviders, TypeormOutbox } from '@mesh/messaging/typeorm';
import { Global, Module } from '@nestjs/common';
import { Registry } from 'prom-client';

import { inputEventsConsumer } from '../ingest/input-events.consumer';
import { StreamsRedis } from './streams-redis';

const analyticsEventCatalog = new EventCatalog([salesDayClosed]);

/**
 * The event bus as analytics uses it: the output port `analytics.sales.v1` through the outbox
 * (the relay is a provider, so it starts and stops with the app) and the messaging metrics,
 * which report the lag of every group on the input streams and the outbox backlog.
 */
@Global()
@Module({
  providers: [
    StreamsRedis,
    { provide: TypeormOutbox, useValue: new TypeormOutbox(analyticsEventCatalog) },
    {
      provide: MessagingMetrics,
      inject: [Registry, StreamsRedis],
      useFactory: (registry: Registry, redis: StreamsRedis) => {
        const metrics = new MessagingMetrics(registry);
        for (const stream of [...inputEventsConsumer.streams, salesDayClosed.stream]) metrics.watchStream(redis.client, stream);
        return metrics;
      },
    },
    // The relay; its lease holder trims analytics.sales.v1 and the dead letters of analytics' groups.
    ...typeormEventBusProviders(analyticsProduct.manifest, analyticsEventCatalog),
  ],
  exports: [StreamsRedis, TypeormOutbox, MessagingMetrics],
})
export class AnalyticsMessagingModule {}
