import { MessagingMetrics } from '@mesh/messaging';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { CustomerStore } from '../customers/customer-store';
import { OrderStatisticsStore } from '../order-statistics/order-statistics-store';
import { CountedOrderIdsMigration } from './counted-order-ids-migration';
import { CustomerIndexes } from './customer-indexes';
import {
  customerEventBusProviders,
  customerOutboxProvider,
  messagingMetricsProvider,
} from './customer-outbox.providers';
import { CustomerWrites } from './customer-writes';
import { MongoCustomerStore } from './mongo-customer-store';
import { MongoOrderStatisticsStore } from './mongo-order-statistics-store';
import { StoredCustomer, StoredCustomerSchema } from './stored-customer.schema';

/**
 * The customers collection behind both store ports (the customers, and their order statistics),
 * its indexes and migration, its outbox, the relay that publishes from it, stream retention and
 * the event bus metrics.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: StoredCustomer.name, schema: StoredCustomerSchema }])],
  providers: [
    { provide: CustomerStore, useClass: MongoCustomerStore },
    { provide: OrderStatisticsStore, useClass: MongoOrderStatisticsStore },
    CustomerWrites,
    CustomerIndexes,
    CountedOrderIdsMigration,
    customerOutboxProvider,
    messagingMetricsProvider,
    // The relay; its lease holder trims customers.customer.v1 and the customers group's dead letters.
    ...customerEventBusProviders,
  ],
  exports: [CustomerStore, OrderStatisticsStore, MessagingMetrics],
})
export class CustomerStoreModule {}
