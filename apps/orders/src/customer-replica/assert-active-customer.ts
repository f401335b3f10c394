import { RuleViolationError } from '@mesh/service';
import type { EntityManager } from 'typeorm';

import { CustomerReplicaEntity } from './customer-replica.entity';

/**
 * Refuses an order for a customer the replica does not know or knows as deactivated (422). The
 * row is share-locked, so a deactivation arriving meanwhile waits for this order to commit and
 * the order counts as placed before it.
 */
export async function assertActiveCustomer(manager: EntityManager, customerId: string): Promise<void> {
  const customer = await manager.findOne(CustomerReplicaEntity, {
    where: { customerId },
    lock: { mode: 'pessimistic_read' },
  });
  if (!customer) {
    throw new RuleViolationError(
      `customer ${customerId} is unknown: no registration of it has reached the orders service`,
    );
  }
  if (customer.status === 'deactivated') {
    throw new RuleViolationError(`customer ${customerId} is deactivated and cannot place orders`);
  }
}
