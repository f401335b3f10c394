import type { Customer } from '../src/customers/customer';

/** A registered, active customer as the store reads it; `overrides` change any field. */
export function registeredCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    country: 'GB',
    marketingConsent: true,
    status: 'active',
    revision: 1,
    orderCount: 0,
    totalSpent: {},
    tier: 'bronze',
    registeredAt: new Date('2026-11-28T09:00:00.000Z'),
    updatedAt: new Date('2026-11-28T09:00:00.000Z'),
    ...overrides,
  };
}
