import { type Customer, emailKeyOf } from '../customers/customer';
import type { CustomerWithOrderFacts } from '../order-statistics/order-effect';
import type { StoredCustomer } from './stored-customer.schema';

/** Read projections list fields (FerretDB refuses some exclusion projections); these are what a Customer holds. */
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
} satisfies Record<Exclude<keyof Customer, 'id'>, 1>);

/** CUSTOMER_FIELDS and the orders' facts. */
export const CUSTOMER_WITH_ORDER_FACTS_FIELDS = [...CUSTOMER_FIELDS, 'orderFacts'];

/** A customer document as read: with CUSTOMER_FIELDS at least; `orderFacts` only when those were read too. */
type CustomerDocument = Omit<StoredCustomer, 'emailKey' | 'orderFacts' | 'countedOrderIds'> &
  Partial<Pick<StoredCustomer, 'orderFacts'>>;

/** The document of a customer registered now: its email key, and no order facts yet. */
export function storedCustomerOf(customer: Customer): StoredCustomer {
  const { id, ...fields } = customer;
  return { _id: id, ...fields, emailKey: emailKeyOf(customer.email), orderFacts: {} };
}

/** The customer a document holds, without the store's bookkeeping (email key, facts, outbox, inbox). */
export function customerOf(document: CustomerDocument): Customer {
  const { _id, name, email, country, marketingConsent, status, revision, orderCount, totalSpent, tier } = document;
  const { registeredAt, updatedAt, deactivatedAt } = document;
  return {
    id: _id,
    name,
    email,
    country,
    marketingConsent,
    status,
    revision,
    orderCount,
    totalSpent,
    tier,
    registeredAt,
    updatedAt,
    ...(deactivatedAt !== undefined && { deactivatedAt }),
  };
}

/** The customer and the facts of their orders, as a document read with CUSTOMER_WITH_ORDER_FACTS_FIELDS holds them. */
export function customerWithOrderFactsOf(document: CustomerDocument): CustomerWithOrderFacts {
  const { orderFacts } = document;
  return { ...customerOf(document), ...(orderFacts !== undefined && { orderFacts }) };
}
