import { Injectable } from '@nestjs/common';

import { CustomerChange, type CustomerDecision } from '../customer-api/customer-change';
import { customerDeactivatedEvent } from '../customer-events/customer-events.factory';
import type { StoredCustomer } from '../store/stored-customer';

@Injectable()
export class DeactivateCustomerService {
  constructor(private readonly change: CustomerChange) {}

  /**
   * Deactivates the customer. Idempotent: a deactivated customer is returned as it is, without
   * a second event, so a client may retry safely.
   * @throws NotFoundException
   */
  deactivate(id: string): Promise<StoredCustomer> {
    return this.change.apply(id, (current) => decideDeactivation(current, new Date()));
  }
}

export function decideDeactivation(current: StoredCustomer, now: Date): CustomerDecision {
  if (current.status === 'deactivated') return 'unchanged';
  const revision = current.revision + 1;
  return {
    update: { $set: { status: 'deactivated', revision, updatedAt: now, deactivatedAt: now } },
    events: [customerDeactivatedEvent(current._id, revision, now)],
  };
}
