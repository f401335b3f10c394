import type { UpdateCustomerRequest } from '@mesh/customers-contracts';
import { Injectable } from '@nestjs/common';

import { assertActive, type Customer } from '../customers/customer';
import { CustomerChange, type CustomerDecision } from '../customers/customer-change';
import { customerUpdatedEvent } from '../customers/customer-events';

@Injectable()
export class UpdateCustomerService {
  constructor(private readonly change: CustomerChange) {}

  /**
   * Changes the given fields. Values equal to the current ones change nothing: no new revision,
   * no event, and the customer as it is.
   * @throws NotFoundError, or ConflictError when the customer is deactivated.
   */
  update(id: string, request: UpdateCustomerRequest): Promise<Customer> {
    return this.change.apply(id, (current) => decideUpdate(current, request, new Date()));
  }
}

export function decideUpdate(current: Customer, request: UpdateCustomerRequest, now: Date): CustomerDecision {
  assertActive(current);
  const changed = Object.fromEntries(
    Object.entries(request).filter(([field, value]) => current[field as keyof UpdateCustomerRequest] !== value),
  ) as UpdateCustomerRequest;
  if (Object.keys(changed).length === 0) return 'unchanged';
  const after: Customer = { ...current, ...changed, revision: current.revision + 1, updatedAt: now };
  return {
    changes: { ...changed, revision: after.revision, updatedAt: now },
    events: [customerUpdatedEvent(after)],
  };
}
