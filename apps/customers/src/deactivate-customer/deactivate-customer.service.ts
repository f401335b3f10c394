import { Injectable } from '@nestjs/common';

import type { Customer } from '../customers/customer';
import { CustomerChange, type CustomerDecision } from '../customers/customer-change';
import { customerDeactivatedEvent } from '../customers/customer-events';

@Injectable()
export class DeactivateCustomerService {
  constructor(private readonly change: CustomerChange) {}

  /**
   * Deactivates the customer. Idempotent: a deactivated customer is returned as it is, without
   * a second event, so a client may retry safely.
   * @throws NotFoundError
   */
  deactivate(id: string): Promise<Customer> {
    return this.change.apply(id, (current) => decideDeactivation(current, new Date()));
  }
}

export function decideDeactivation(current: Customer, now: Date): CustomerDecision {
  if (current.status === 'deactivated') return 'unchanged';
  const revision = current.revision + 1;
  return {
    changes: { status: 'deactivated', revision, updatedAt: now, deactivatedAt: now },
    events: [customerDeactivatedEvent(current.id, revision, now)],
  };
}
