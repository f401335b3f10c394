import type { EventEnvelope } from '@mesh/contract-kit';
import { ConflictError, NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import type { Customer, CustomerChanges } from './customer';
import { CustomerStore } from './customer-store';

/** What a use case decided for the customer as read: nothing to do, or changes and their events. */
export type CustomerDecision = { changes: CustomerChanges; events: EventEnvelope[] } | 'unchanged';

const ATTEMPTS = 5;

/**
 * Changes one customer by optimistic concurrency: read, decide, and write only if the revision
 * read is still current, so a decision is never applied to a state it did not see. Without
 * transactions this is how two concurrent changes of one customer stay consistent.
 */
@Injectable()
export class CustomerChange {
  constructor(private readonly customers: CustomerStore) {}

  /** @throws NotFoundError, or ConflictError when the customer kept changing through every attempt. */
  async apply(id: string, decide: (customer: Customer) => CustomerDecision): Promise<Customer> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const current = await this.customers.findById(id);
      if (!current) throw new NotFoundError(`customer ${id} not found`);
      const decision = decide(current);
      if (decision === 'unchanged') return current;
      const changed = await this.customers.updateAtRevision(id, current.revision, decision.changes, decision.events);
      if (changed) return changed;
    }
    throw new ConflictError(`customer ${id} kept changing while it was being updated; try again`);
  }
}
