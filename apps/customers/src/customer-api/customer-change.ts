import type { EventEnvelope } from '@mesh/contract-kit';
import { ConflictError, NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';
import type { UpdateQuery } from 'mongoose';

import { CustomerRepository } from '../store/customer.repository';
import type { Customer } from '../store/customer.schema';
import type { StoredCustomer } from '../store/stored-customer';

/** What a use case decided for the customer as read: nothing to do, or an update and its events. */
export type CustomerDecision = { update: UpdateQuery<Customer>; events: EventEnvelope[] } | 'unchanged';

const ATTEMPTS = 5;

/**
 * Changes one customer by optimistic concurrency: read, decide, and write only if the revision
 * read is still current, so a decision is never applied to a state it did not see. Without
 * transactions this is how two concurrent changes of one customer stay consistent.
 */
@Injectable()
export class CustomerChange {
  constructor(private readonly customers: CustomerRepository) {}

  async apply(id: string, decide: (customer: StoredCustomer) => CustomerDecision): Promise<StoredCustomer> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const current = await this.customers.findById(id);
      if (!current) throw new NotFoundError(`customer ${id} not found`);
      const decision = decide(current);
      if (decision === 'unchanged') return current;
      const changed = await this.customers.updateAtRevision(id, current.revision, decision.update, decision.events);
      if (changed) return changed;
    }
    throw new ConflictError(`customer ${id} kept changing while it was being updated; try again`);
  }
}

/** @throws ConflictError when the customer is deactivated: such a customer is not changed any more. */
export function assertActive(customer: StoredCustomer): void {
  if (customer.status === 'deactivated') {
    throw new ConflictError(`customer ${customer._id} is deactivated and cannot be changed`);
  }
}
