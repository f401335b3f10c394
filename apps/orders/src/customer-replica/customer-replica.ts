import type { CustomerStatus } from '@mesh/customers-contracts';
import { RuleViolationError } from '@mesh/service';

/**
 * What orders knows of a customer, kept from the customers domain's events. Name and email are
 * personal data owned by customers and are deliberately not copied here.
 */
export interface CustomerReplica {
  customerId: string;
  status: CustomerStatus;
  /** The customer's revision this replica reflects; only an event with a higher one changes it. */
  revision: number;
  /** Unknown while the customer was seen only through its deactivation. */
  country: string | null;
  /** When the change this replica reflects happened in the customers domain. */
  changedAt: Date;
}

/** What one customer event says about the customer; fields it does not carry are left as they are. */
export interface CustomerChange {
  customerId: string;
  revision: number;
  /** When the change happened in the customers domain. */
  changedAt: string;
  status?: CustomerStatus;
  country?: string;
}

/**
 * Refuses an order for a customer the replica does not know (`customer` null) or knows as
 * deactivated (422).
 */
export function assertActiveCustomer(customerId: string, customer: CustomerReplica | null): void {
  if (!customer) {
    throw new RuleViolationError(
      `customer ${customerId} is unknown: no registration of it has reached the orders service`,
    );
  }
  if (customer.status === 'deactivated') {
    throw new RuleViolationError(`customer ${customerId} is deactivated and cannot place orders`);
  }
}
