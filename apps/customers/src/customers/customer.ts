import type { CustomerStatus, LoyaltyTier, RegisterCustomerRequest } from '@mesh/customers-contracts';
import { ConflictError } from '@mesh/service';
import { v7 as uuidv7 } from 'uuid';

/** A customer as the domain sees it, whichever store keeps it (without the store's bookkeeping). */
export interface Customer {
  /** A UUIDv7: made without a round trip to the store, and sorting by it sorts by registration. */
  id: string;
  name: string;
  /** As the customer gave it. */
  email: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  marketingConsent: boolean;
  status: CustomerStatus;
  /** Grows by one with every change that other domains hear of (each carries it in its event). */
  revision: number;
  /** Orders placed and not cancelled. */
  orderCount: number;
  /** Minor units per ISO 4217 currency, e.g. `{ EUR: 2500 }`. */
  totalSpent: Record<string, number>;
  tier: LoyaltyTier;
  registeredAt: Date;
  updatedAt: Date;
  deactivatedAt?: Date;
}

/** The fields that a change of a customer's details or status sets; the others stay as they are. */
export type CustomerChanges = Partial<
  Pick<Customer, 'name' | 'country' | 'marketingConsent' | 'status' | 'revision' | 'updatedAt' | 'deactivatedAt'>
>;

/** A customer registered now from a valid request: active, bronze, without orders, at revision 1. */
export function newCustomer(request: RegisterCustomerRequest, now: Date): Customer {
  const { name, email, country, marketingConsent } = request;
  return {
    id: uuidv7(),
    name,
    email,
    country,
    marketingConsent,
    status: 'active',
    revision: 1,
    orderCount: 0,
    totalSpent: {},
    tier: 'bronze',
    registeredAt: now,
    updatedAt: now,
  };
}

/** Two emails that differ only in case or surrounding spaces belong to one person: they have one key. */
export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/** @throws ConflictError when the customer is deactivated: such a customer is not changed any more. */
export function assertActive(customer: Customer): void {
  if (customer.status === 'deactivated') {
    throw new ConflictError(`customer ${customer.id} is deactivated and cannot be changed`);
  }
}
