import type { QueryFilter, UpdateQuery } from 'mongoose';

import type { LoyaltyTiers } from '../config/loyalty-tiers.config';
import type { TierChange } from '../customer-events/customer-events.factory';
import type { StoredCustomer } from '../store/stored-customer';
import type { Customer } from '../store/customer.schema';
import { loyaltyTierFor } from './loyalty-tier';

/** An order event as it concerns a customer's statistics. */
export interface OrderChange {
  kind: 'placed' | 'cancelled';
  orderId: string;
  customerId: string;
  /** ISO 4217 code, upper case (checked by the orders contract). */
  currency: string;
  /** Minor units. */
  total: number;
}

export interface OrderEffect {
  /** Matches the customer only as read, and only while the order is still to count (or to reverse). */
  filter: QueryFilter<Customer>;
  update: UpdateQuery<Customer>;
  /** Set when the order moves the customer to another tier: that change gets an event and a revision. */
  tierChange?: TierChange;
  /** Matches a customer for whom this order leaves nothing to do (counted already, or never counted). */
  settled: QueryFilter<Customer>;
}

/**
 * What an order event does to the customer as read: a placement counts the order and its
 * total, a cancellation reverses exactly that, and only for an order whose placement was counted.
 * The tier follows the count of orders that stand.
 */
export function orderEffect(current: StoredCustomer, change: OrderChange, tiers: LoyaltyTiers, now: Date): OrderEffect {
  const placed = change.kind === 'placed';
  const step = placed ? 1 : -1;
  const orderCount = current.orderCount + step;
  const notYetCounted = { $ne: change.orderId };
  const filter: QueryFilter<Customer> = {
    _id: current._id,
    revision: current.revision,
    orderCount: current.orderCount,
    countedOrderIds: placed ? notYetCounted : change.orderId,
  };
  const update: UpdateQuery<Customer> = {
    $inc: { orderCount: step, [`totalSpent.${change.currency}`]: step * change.total },
    [placed ? '$push' : '$pull']: { countedOrderIds: change.orderId },
  };
  const settled: QueryFilter<Customer> = { countedOrderIds: placed ? change.orderId : notYetCounted };
  const tier = loyaltyTierFor(orderCount, tiers);
  if (tier === current.tier) return { filter, update, settled };
  const revision = current.revision + 1;
  return {
    filter,
    update: { ...update, $set: { tier, revision, updatedAt: now } },
    tierChange: { customerId: current._id, revision, previousTier: current.tier, tier, changedAt: now },
    settled,
  };
}
