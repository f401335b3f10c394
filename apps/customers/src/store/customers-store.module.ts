import { MessagingMetrics } from '@mesh/messaging';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { CountedOrderIdsMigration } from './counted-order-ids-migration';
import { CustomerRepository } from './customer.repository';
import { Customer, CustomerSchema } from './customer.schema';
import { CustomerIndexes } from './customer-indexes';
import {
  customerEventBusProviders,
  customerOutboxProvider,
  messagingMetricsProvider,
} from './customer-outbox.providers';
import { CustomerWrites } from './customer-writes';

/** The customers collection, its outbox, the relay that publishes from it, stream retention and the event bus metrics. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Customer.name, schema: CustomerSchema }])],
  providers: [
    CustomerRepository,
    CustomerWrites,
    CustomerIndexes,
    CountedOrderIdsMigration,
    customerOutboxProvider,
    messagingMetricsProvider,
    // The relay; its lease holder trims customers.customer.v1 and the customers group's dead letters.
    ...customerEventBusProviders,
  ],
  exports: [CustomerRepository, MessagingMetrics],
})
export class CustomersStoreModule {}
