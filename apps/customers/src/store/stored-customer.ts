import type { Customer } from './customer.schema';

/** A customer as read: what responses and decisions need, without the bookkeeping fields. */
export type StoredCustomer = Omit<Customer, 'emailKey' | 'orderFacts' | 'countedOrderIds'>;

/** A customer as order events read it: with the facts of their orders. */
export type CustomerWithOrderFacts = StoredCustomer & Partial<Pick<Customer, 'orderFacts'>>;

/** Read projections list fields (FerretDB refuses some exclusion projections); these are what responses need. */
export const CUSTOMER_FIELDS = Object.keys({
  name: 1,
  email: 1,
  country: 1,
  marketingConsent: 1,
  status: 1,
  revision: 1,
  orderCount: 1,
  totalSpent: 1,
  tier: 1,
  registeredAt: 1,
  updatedAt: 1,
  deactivatedAt: 1,
} satisfies Record<Exclude<keyof StoredCustomer, '_id'>, 1>);

/** CUSTOMER_FIELDS and the orders' facts. */
export const CUSTOMER_WITH_ORDER_FACTS_FIELDS = [...CUSTOMER_FIELDS, 'orderFacts'];
