import type { UpdateCustomerRequest } from '@mesh/customers-contracts';
import { Injectable } from '@nestjs/common';

import { assertActive, CustomerChange, type CustomerDecision } from '../customer-api/customer-change';
import { customerUpdatedEvent } from '../customer-events/customer-events.factory';
import type { StoredCustomer } from '../store/stored-customer';

@Injectable()
export class UpdateCustomerService {
  constructor(private readonly change: CustomerChange) {}

  /**
   * Changes the given fields. Values equal to the current ones change nothing: no new revision,
   * no event, and the customer as it is.
   * @throws NotFoundException, or ConflictException when the customer is deactivated.
   */
  update(id: string, request: UpdateCustomerRequest): Promise<StoredCustomer> {
    return this.change.apply(id, (current) => decideUpdate(current, request, new Date()));
  }
}

export function decideUpdate(current: StoredCustomer, request: UpdateCustomerRequest, now: Date): CustomerDecision {
  assertActive(current);
  const changes = Object.fromEntries(
    Object.entries(request).filter(([field, value]) => current[field as keyof UpdateCustomerRequest] !== value),
  ) as UpdateCustomerRequest;
  if (Object.keys(changes).length === 0) return 'unchanged';
  const after: StoredCustomer = { ...current, ...changes, revision: current.revision + 1, updatedAt: now };
  return {
    update: { $set: { ...changes, revision: after.revision, updatedAt: now } },
    events: [customerUpdatedEvent(after)],
  };
}
