import type { QueryFilter, UpdateQuery } from 'mongoose';

import type { LoyaltyTiers } from '../config/loyalty-tiers.config';
import type { TierChange } from '../customer-events/customer-events.factory';
import type { Customer } from '../store/customer.schema';
import type { CustomerWithOrderFacts } from '../store/stored-customer';
import { loyaltyTierFor } from './loyalty-tier';
import { counts, expiredOrderIds, type OrderFact, sameFact, withEvent } from './order-fact';

/** An order event as it concerns a customer's statistics. */
export type OrderChange =
  | {
      kind: 'placed' | 'cancelled';
      orderId: string;
      customerId: string;
      /** ISO 4217 code, upper case (checked by the orders contract). */
      currency: string;
      /** Minor units. */
      total: number;
    }
  | { kind: 'shipped'; orderId: string; customerId: string };

export interface OrderEffect {
  /** Matches the customer only as read: same revision, count and fact of this order. */
  filter: QueryFilter<Customer>;
  update: UpdateQuery<Customer>;
  /** Set when the order moves the customer to another tier: that change gets an event and a revision. */
  tierChange?: TierChange;
}

/**
 * What an order event does to the customer as read. The event updates the order's fact; the
 * statistics move only when the fact's "counts" changes (placed and not cancelled), by the
 * order's total. So the result is the same whatever order the events of an order arrive in and
 * however often: a cancellation seen before its placement leaves a fact that keeps the placement
 * from counting. The tier follows the count of orders that stand. Ended facts older than
 * `keptSince` are dropped in the same write, so a customer document holds the open orders and the
 * recently ended ones, not every order ever placed.
 * @returns undefined when the event tells nothing new (a copy, or news already known).
 */
export function orderEffect(
  current: CustomerWithOrderFacts,
  change: OrderChange,
  tiers: LoyaltyTiers,
  now: Date,
  keptSince: Date,
): OrderEffect | undefined {
  const facts = current.orderFacts ?? {};
  const before = facts[change.orderId];
  const after = withEvent(before, change.kind, now);
  if (sameFact(before, after)) return undefined;
  const step = Number(counts(after)) - Number(counts(before));
  const path = `orderFacts.${change.orderId}`;
  const expired = expiredOrderIds(facts, keptSince).filter((orderId) => orderId !== change.orderId);
  const filter: QueryFilter<Customer> = {
    _id: current._id,
    revision: current.revision,
    orderCount: current.orderCount,
    ...factAsRead(path, before),
  };
  const update: UpdateQuery<Customer> = {
    $set: { [path]: after },
    ...(step !== 0 && 'total' in change
      ? { $inc: { orderCount: step, [`totalSpent.${change.currency}`]: step * change.total } }
      : {}),
    ...(expired.length > 0
      ? { $unset: Object.fromEntries(expired.map((orderId) => [`orderFacts.${orderId}`, ''])) }
      : {}),
  };
  const tier = loyaltyTierFor(current.orderCount + step, tiers);
  if (tier === current.tier) return { filter, update };
  const revision = current.revision + 1;
  return {
    filter,
    update: { ...update, $set: { ...update.$set, tier, revision, updatedAt: now } },
    tierChange: { customerId: current._id, revision, previousTier: current.tier, tier, changedAt: now },
  };
}

/** The order's fact as read, field by field (a whole-subdocument match would depend on key order). */
function factAsRead(path: string, fact: OrderFact | undefined): QueryFilter<Customer> {
  if (!fact) return { [path]: { $exists: false } };
  return { [`${path}.placed`]: fact.placed, [`${path}.ended`]: fact.ended ?? { $exists: false } };
}
