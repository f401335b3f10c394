import { customerDeactivated, customerEvents, customerRegistered, customerUpdated } from '@mesh/customers-contracts';
import { defineConsumer } from '@mesh/messaging';

import type { CustomerReplicaService } from './customer-replica.service';

/**
 * `customers.customer.v1` into the customer replica; personal data (name, email) is not kept. A
 * new group starts from the beginning of the retained stream so that a fresh replica learns every
 * customer; the events of one customer are handled one after another, in stream order.
 */
export const customerEventsConsumer = defineConsumer<CustomerReplicaService>(
  { group: 'orders', reads: customerEvents, startFrom: 'beginning', orderBySubject: true },
  (on) => [
    on(customerRegistered, (replica, { customerId, revision, country, registeredAt }, event) =>
      replica.apply(event, { customerId, revision, country, status: 'active', changedAt: registeredAt }),
    ),
    on(customerUpdated, (replica, { customerId, revision, country, updatedAt }, event) =>
      replica.apply(event, { customerId, revision, country, changedAt: updatedAt }),
    ),
    on(customerDeactivated, (replica, { customerId, revision, deactivatedAt }, event) =>
      replica.apply(event, { customerId, revision, status: 'deactivated', changedAt: deactivatedAt }),
    ),
  ],
);
