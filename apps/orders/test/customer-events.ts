import { createEvent, EventCatalog, type EventEnvelope } from '@mesh/contract-kit';
import { customerDeactivated, customerEvents, customerRegistered, customerUpdated } from '@mesh/customers-contracts';
import { EventPublisher } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import type { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';

import type { OrdersTestApp } from './orders-test-app';

/** Customer events as the customers domain publishes them. */
export const customerEvent = {
  registered: (customerId: string, revision = 1) =>
    createEvent(customerRegistered, {
      subject: customerId,
      data: {
        customerId,
        revision,
        name: 'Ada Lovelace',
        email: `ada-${customerId}@example.com`,
        country: 'GB',
        marketingConsent: true,
        registeredAt: new Date().toISOString(),
      },
    }),
  updated: (customerId: string, revision: number, country: string) =>
    createEvent(customerUpdated, {
      subject: customerId,
      data: {
        customerId,
        revision,
        name: 'Ada King',
        country,
        marketingConsent: false,
        updatedAt: new Date().toISOString(),
      },
    }),
  deactivated: (customerId: string, revision: number) =>
    createEvent(customerDeactivated, {
      subject: customerId,
      data: { customerId, revision, deactivatedAt: new Date().toISOString() },
    }),
};

export async function publishCustomerEvents(redis: Redis, events: readonly EventEnvelope[]): Promise<void> {
  await new EventPublisher(redis, new EventCatalog(customerEvents)).publishBatch([...events]);
}

/** The replica's row of a customer, as the orders service sees it. */
export async function replicaOf(
  testApp: OrdersTestApp,
  customerId: string,
): Promise<{ status: string; revision: number; country: string | null } | undefined> {
  const [row] = await testApp.dataSource.query<Array<{ status: string; revision: number; country: string | null }>>(
    'SELECT status, revision, country FROM customer_replica WHERE customer_id = $1',
    [customerId],
  );
  return row;
}

/** Registers a new customer through the customers stream and waits until the replica has it. */
export async function registerCustomer(testApp: OrdersTestApp, customerId = uuidv7()): Promise<string> {
  await publishCustomerEvents(testApp.redis, [customerEvent.registered(customerId)]);
  await eventually(
    `customer ${customerId} in the replica`,
    async () => (await replicaOf(testApp, customerId)) !== undefined,
  );
  return customerId;
}
