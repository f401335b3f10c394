import type { OrderChange } from '../src/order-statistics/order-effect';
import { registeredCustomer } from './customer.fixture';

/** The order facts the order-effect specs share: tier bounds, the clock, and one order's changes. */
export const tiers = { silverMinOrders: 3, goldMinOrders: 10 };
export const now = new Date('2026-11-28T10:00:00.000Z');
/** Facts of orders placed before this are dropped (the order-facts window). */
export const keptSince = new Date('2026-10-29T10:00:00.000Z');
export const earlier = new Date('2026-11-27T10:00:00.000Z');
export const orderId = '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a';

export const order = (kind: 'placed' | 'cancelled'): OrderChange => ({
  kind,
  orderId,
  customerId: registeredCustomer().id,
  currency: 'EUR',
  total: 2_500,
});

export const shipped: OrderChange = { kind: 'shipped', orderId, customerId: registeredCustomer().id };
