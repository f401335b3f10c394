import { registeredCustomer } from '../../test/customer.fixture';
import { earlier, keptSince, now, order, orderId, shipped, tiers } from '../../test/order-change.fixture';
import { type CustomerWithOrderFacts, type OrderChange, orderEffect } from '../order-statistics/order-effect';
import { orderEffectUpdate } from './order-effect-update';

/** The effect of the order event as the store writes it, with the tier change it announces. */
const effectOf = (customer: CustomerWithOrderFacts, change: OrderChange) => {
  const effect = orderEffect(customer, change, tiers, now, keptSince);
  return effect && { ...orderEffectUpdate(effect), tierChange: effect.tierChange };
};

describe('orderEffectUpdate: an order effect as one guarded single-document update', () => {
  it('counts a placed order and its total, guarded by the state read and the order having no fact yet', () => {
    const effect = effectOf(registeredCustomer({ revision: 4, orderCount: 1 }), order('placed'));

    expect(effect?.filter).toEqual({
      _id: registeredCustomer().id,
      revision: 4,
      orderCount: 1,
      [`orderFacts.${orderId}`]: { $exists: false },
    });
    expect(effect?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: true, changedAt: now } },
      $inc: { orderCount: 1, 'totalSpent.EUR': 2_500 },
    });
    expect(effect?.tierChange).toBeUndefined();
  });

  it('reverses a counted order when it is cancelled, guarded by the fact as read', () => {
    const customer = {
      ...registeredCustomer({ orderCount: 2 }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };
    const effect = effectOf(customer, order('cancelled'));

    expect(effect?.filter).toMatchObject({
      orderCount: 2,
      [`orderFacts.${orderId}.placed`]: true,
      [`orderFacts.${orderId}.ended`]: { $exists: false },
    });
    expect(effect?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: true, ended: 'cancelled', changedAt: now } },
      $inc: { orderCount: -1, 'totalSpent.EUR': -2_500 },
    });
  });

  it('remembers a cancellation that comes before its placement, and then does not count the placement', () => {
    const cancelledFirst = effectOf(registeredCustomer({ orderCount: 1 }), order('cancelled'));
    expect(cancelledFirst?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: false, ended: 'cancelled', changedAt: now } },
    });

    const customer = {
      ...registeredCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: false, ended: 'cancelled' as const, changedAt: earlier } },
    };
    expect(effectOf(customer, order('placed'))?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: true, ended: 'cancelled', changedAt: now } },
    });
  });

  it('ends a shipped order without changing the statistics', () => {
    const customer = {
      ...registeredCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };

    expect(effectOf(customer, shipped)?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: true, ended: 'shipped', changedAt: now } },
    });
  });

  it('drops the facts of orders that ended before the kept window, and only those', () => {
    const old = new Date('2026-10-01T00:00:00.000Z');
    const customer = {
      ...registeredCustomer({ orderCount: 2 }),
      orderFacts: {
        'ended-long-ago': { placed: true, ended: 'shipped' as const, changedAt: old },
        'cancelled-long-ago': { placed: false, ended: 'cancelled' as const, changedAt: old },
        'open-long-ago': { placed: true, changedAt: old },
        'ended-recently': { placed: true, ended: 'shipped' as const, changedAt: earlier },
      },
    };

    expect(effectOf(customer, order('placed'))?.update['$unset']).toEqual({
      'orderFacts.ended-long-ago': '',
      'orderFacts.cancelled-long-ago': '',
    });
  });

  it('moves the tier up with the order that reaches the threshold, as a new revision', () => {
    const effect = effectOf(registeredCustomer({ revision: 2, orderCount: 2 }), order('placed'));

    expect(effect?.update['$set']).toEqual({
      [`orderFacts.${orderId}`]: { placed: true, changedAt: now },
      tier: 'silver',
      revision: 3,
      updatedAt: now,
    });
    expect(effect?.tierChange).toEqual({
      customerId: registeredCustomer().id,
      revision: 3,
      previousTier: 'bronze',
      tier: 'silver',
      changedAt: now,
    });
  });
});
