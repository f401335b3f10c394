import type { LoyaltyTiers } from '../config/loyalty-tiers.config';
import type { Customer } from '../customers/customer';
import type { TierChange } from '../customers/customer-events';
import { loyaltyTierFor } from './loyalty-tier';
import { counts, expiredOrderIds, type OrderFact, sameFact, withEvent } from './order-fact';

/** A customer as order events read them: with the facts of their open and recently ended orders, by order id. */
export type CustomerWithOrderFacts = Customer & { orderFacts?: Record<string, OrderFact> };

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

/** What one order event does to one customer, and the state of the customer it was decided on. */
export interface OrderEffect {
  customerId: string;
  orderId: string;
  /** The customer as read: the effect applies only while its revision, count and this order's fact are still so. */
  asRead: { revision: number; orderCount: number; fact: OrderFact | undefined };
  /** The order's fact after the event. */
  fact: OrderFact;
  /** Set when the order starts (+1) or stops (-1) counting: the order count and the spend in its currency move. */
  step?: { orders: 1 | -1; currency: string; spent: number };
  /** Ended facts older than the kept window, dropped in the same write. */
  expiredOrderIds: string[];
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
  const effect: OrderEffect = {
    customerId: current.id,
    orderId: change.orderId,
    asRead: { revision: current.revision, orderCount: current.orderCount, fact: before },
    fact: after,
    ...(step !== 0 && 'total' in change
      ? { step: { orders: step as 1 | -1, currency: change.currency, spent: step * change.total } }
      : {}),
    expiredOrderIds: expiredOrderIds(facts, keptSince).filter((orderId) => orderId !== change.orderId),
  };
  const tier = loyaltyTierFor(current.orderCount + step, tiers);
  if (tier === current.tier) return effect;
  return {
    ...effect,
    tierChange: {
      customerId: current.id,
      revision: current.revision + 1,
      previousTier: current.tier,
      tier,
      changedAt: now,
    },
  };
}
