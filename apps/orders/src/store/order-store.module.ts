import { EventCatalog } from '@mesh/contract-kit';
import { MessagingMetrics } from '@mesh/messaging';
import { typeormEventBusProviders, TypeormOutbox } from '@mesh/messaging/typeorm';
import { orderEvents, ordersProduct } from '@mesh/orders-contracts';
import { Module } from '@nestjs/common';
import { Registry } from 'prom-client';

import { OrderStore } from '../orders/order-store';
import { TypeormOrderStore } from './typeorm-order-store';

const orderEventCatalog = new EventCatalog(orderEvents);

/**
 * The orders tables and the output port `orders.order.v1`: writes add their events to the outbox
 * in their own transaction; the relay (a provider, so it starts and stops with the app) publishes
 * them, and the replica whose relay holds the lease trims the stream to its replay window.
 */
@Module({
  providers: [
    { provide: OrderStore, useClass: TypeormOrderStore },
    { provide: TypeormOutbox, useValue: new TypeormOutbox(orderEventCatalog) },
    {
      provide: MessagingMetrics,
      inject: [Registry],
      useFactory: (registry: Registry) => new MessagingMetrics(registry),
    },
    // The relay, stream retention, and the pruning of the customer replica's inbox (group `orders`).
    ...typeormEventBusProviders(ordersProduct.manifest, orderEventCatalog),
  ],
  exports: [OrderStore, MessagingMetrics],
})
export class OrderStoreModule {}
