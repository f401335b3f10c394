import type { QueryFilter, UpdateQuery } from 'mongoose';

import type { OrderEffect } from '../order-statistics/order-effect';
import type { OrderFact } from '../order-statistics/order-fact';
import type { StoredCustomer } from './stored-customer.schema';

/** An order effect as one conditional single-document update. */
export interface OrderEffectUpdate {
  /** Matches the customer only as read: same revision, count and fact of this order. */
  filter: QueryFilter<StoredCustomer>;
  update: UpdateQuery<StoredCustomer>;
}

/**
 * The update that applies `effect` to the customer's document: the order's fact, the count and
 * spend when they move, the tier with its revision when it changes, and the removal of expired
 * facts, all in one write guarded by the state the effect was decided on.
 */
export function orderEffectUpdate(effect: OrderEffect): OrderEffectUpdate {
  const { customerId, orderId, asRead, fact, step, expiredOrderIds, tierChange } = effect;
  const path = `orderFacts.${orderId}`;
  const filter: QueryFilter<StoredCustomer> = {
    _id: customerId,
    revision: asRead.revision,
    orderCount: asRead.orderCount,
    ...factAsRead(path, asRead.fact),
  };
  const update: UpdateQuery<StoredCustomer> = {
    $set: {
      [path]: fact,
      ...(tierChange && { tier: tierChange.tier, revision: tierChange.revision, updatedAt: tierChange.changedAt }),
    },
    ...(step && { $inc: { orderCount: step.orders, [`totalSpent.${step.currency}`]: step.spent } }),
    ...(expiredOrderIds.length > 0 && {
      $unset: Object.fromEntries(expiredOrderIds.map((expired) => [`orderFacts.${expired}`, ''])),
    }),
  };
  return { filter, update };
}

/** The order's fact as read, field by field (a whole-subdocument match would depend on key order). */
function factAsRead(path: string, fact: OrderFact | undefined): QueryFilter<StoredCustomer> {
  if (!fact) return { [path]: { $exists: false } };
  return { [`${path}.placed`]: fact.placed, [`${path}.ended`]: fact.ended ?? { $exists: false } };
}
