import { EventCatalog } from '@mesh/contract-kit';
import { MessagingMetrics, OutboxRelay, redisConfig, TypeormOutbox } from '@mesh/messaging';
import { orderEvents } from '@mesh/orders-contracts';
import { Logger, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

const orderEventCatalog = new EventCatalog(orderEvents);

/**
 * The output port `orders.order.v1`: use cases add events to the outbox in their own
 * transaction; the relay (a provider, so it starts and stops with the app) publishes them.
 */
@Module({
  providers: [
    { provide: TypeormOutbox, useValue: new TypeormOutbox(orderEventCatalog) },
    {
      provide: MessagingMetrics,
      inject: [Registry],
      useFactory: (registry: Registry) => new MessagingMetrics(registry),
    },
    {
      provide: OutboxRelay,
      inject: [DataSource, redisConfig.KEY, MessagingMetrics],
      useFactory: (dataSource: DataSource, redis: ConfigType<typeof redisConfig>, metrics: MessagingMetrics) => {
        const log = new Logger(OutboxRelay.name);
        const relay = new OutboxRelay({
          dataSource,
          redis: redis.url,
          catalog: orderEventCatalog,
          observer: {
            problem: (message, error) => log.warn(error instanceof Error ? `${message}: ${error.message}` : message),
          },
        });
        metrics.watchOutbox('orders', () => relay.backlog());
        return relay;
      },
    },
  ],
  exports: [TypeormOutbox, MessagingMetrics],
})
export class OrderEventsModule {}
