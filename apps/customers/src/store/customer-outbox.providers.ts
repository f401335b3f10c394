import { EventCatalog } from '@mesh/contract-kit';
import { customerEvents, customersProduct } from '@mesh/customers-contracts';
import { MessagingMetrics } from '@mesh/messaging';
import { mongooseEventBusProviders, MongoOutbox } from '@mesh/messaging/mongoose';
import type { FactoryProvider, Provider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Registry } from 'prom-client';

import { CustomerWrites } from './customer-writes';
import { StoredCustomer } from './stored-customer.schema';

const catalog = new EventCatalog(customerEvents);

/** Checks every event against its contract before it is stored with the change it reports. */
export const customerOutboxProvider: FactoryProvider<MongoOutbox> = {
  provide: MongoOutbox,
  useFactory: () => new MongoOutbox(catalog),
};

/** The event bus metrics on the service's /metrics. */
export const messagingMetricsProvider: FactoryProvider<MessagingMetrics> = {
  provide: MessagingMetrics,
  inject: [Registry],
  useFactory: (registry: Registry) => new MessagingMetrics(registry),
};

/**
 * The relay that publishes the customers' pending events to `customers.customer.v1` (its removals
 * of published events go through CustomerWrites, so they hold the customers' locks), and the
 * retention of that stream by the replica whose relay holds the lease.
 */
export const customerEventBusProviders: Provider[] = mongooseEventBusProviders<[Model<StoredCustomer>, CustomerWrites]>(
  customersProduct.manifest,
  catalog,
  {
    inject: [getModelToken(StoredCustomer.name), CustomerWrites],
    models: (customers, writes) => [writes.relaySource(customers)],
  },
);
