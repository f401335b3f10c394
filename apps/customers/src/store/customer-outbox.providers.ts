import { EventCatalog } from '@mesh/contract-kit';
import { customerEvents } from '@mesh/customers-contracts';
import { MessagingMetrics, MongoOutbox, MongoOutboxRelay, redisConfig, type RedisConfig } from '@mesh/messaging';
import { type FactoryProvider, Logger } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import { Registry } from 'prom-client';

import { Customer } from './customer.schema';
import { CustomerWrites } from './customer-writes';

const catalog = new EventCatalog(customerEvents);

/** Checks every event against its contract before it is stored with the change it reports. */
export const customerOutboxProvider: FactoryProvider<MongoOutbox> = {
  provide: MongoOutbox,
  useFactory: () => new MongoOutbox(catalog),
};

/**
 * Publishes the customers' pending events to `customers.customer.v1`. The relay starts with the
 * application and stops after the HTTP server has closed (its Nest lifecycle hooks). The client
 * given to it is never connected: the relay opens a connection of its own from it.
 */
export const customerOutboxRelayProvider: FactoryProvider<MongoOutboxRelay> = {
  provide: MongoOutboxRelay,
  inject: [getModelToken(Customer.name), CustomerWrites, redisConfig.KEY],
  useFactory: (customers: Model<Customer>, writes: CustomerWrites, redis: RedisConfig) => {
    const logger = new Logger('CustomerOutboxRelay');
    return new MongoOutboxRelay({
      domain: 'customers',
      models: [writes.relaySource(customers)],
      redis: new Redis(redis.url, { lazyConnect: true }),
      catalog,
      observer: {
        problem: (message, error) =>
          logger.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
        leaseAcquired: (owner) => logger.log(`publishing customer events as ${owner}`),
        leaseLost: (owner) => logger.warn(`lost the outbox relay lease (${owner})`),
      },
    });
  },
};

/** The event bus metrics on the service's /metrics, with the customers' outbox backlog read at each scrape. */
export const messagingMetricsProvider: FactoryProvider<MessagingMetrics> = {
  provide: MessagingMetrics,
  inject: [Registry, MongoOutboxRelay],
  useFactory: (registry: Registry, relay: MongoOutboxRelay) => {
    const metrics = new MessagingMetrics(registry);
    metrics.watchOutbox('customers', () => relay.backlog());
    return metrics;
  },
};
