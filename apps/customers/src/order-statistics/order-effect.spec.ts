import { storedCustomer } from '../../test/stored-customer.fixture';
import type { CustomerWithOrderFacts } from '../store/stored-customer';
import { loyaltyTierFor } from './loyalty-tier';
import { type OrderChange, orderEffect } from './order-effect';

const tiers = { silverMinOrders: 3, goldMinOrders: 10 };
const now = new Date('2026-11-28T10:00:00.000Z');
const keptSince = new Date('2026-10-29T10:00:00.000Z');
const orderId = '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a';
const order = (kind: 'placed' | 'cancelled'): OrderChange => ({
  kind,
  orderId,
  customerId: storedCustomer()._id,
  currency: 'EUR',
  total: 2_500,
});
const shipped: OrderChange = { kind: 'shipped', orderId, customerId: storedCustomer()._id };
const earlier = new Date('2026-11-27T10:00:00.000Z');
const effectOf = (customer: CustomerWithOrderFacts, change: OrderChange) =>
  orderEffect(customer, change, tiers, now, keptSince);

describe('loyaltyTierFor', () => {
  it.each([
    [0, 'bronze'],
    [2, 'bronze'],
    [3, 'silver'],
    [9, 'silver'],
    [10, 'gold'],
    [250, 'gold'],
  ])('gives %i orders the tier %s', (orderCount, tier) => {
    expect(loyaltyTierFor(orderCount, tiers)).toBe(tier);
  });
});

describe('orderEffect', () => {
  it('counts a placed order and its total, guarded by the state read and the order having no fact yet', () => {
    const effect = effectOf(storedCustomer({ revision: 4, orderCount: 1 }), order('placed'));

    expect(effect?.filter).toEqual({
      _id: storedCustomer()._id,
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
      ...storedCustomer({ orderCount: 2 }),
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
    const cancelledFirst = effectOf(storedCustomer({ orderCount: 1 }), order('cancelled'));
    expect(cancelledFirst?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: false, ended: 'cancelled', changedAt: now } },
    });

    const customer = {
      ...storedCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: false, ended: 'cancelled' as const, changedAt: earlier } },
    };
    expect(effectOf(customer, order('placed'))?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: true, ended: 'cancelled', changedAt: now } },
    });
  });

  it('has nothing to do for a copy of what the fact already says', () => {
    const customer = {
      ...storedCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: true, ended: 'shipped' as const, changedAt: earlier } },
    };

    expect(effectOf(customer, order('placed'))).toBeUndefined();
    expect(effectOf(customer, shipped)).toBeUndefined();
  });

  it('ends a shipped order without changing the statistics', () => {
    const customer = {
      ...storedCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };

    expect(effectOf(customer, shipped)?.update).toEqual({
      $set: { [`orderFacts.${orderId}`]: { placed: true, ended: 'shipped', changedAt: now } },
    });
  });

  it('drops the facts of orders that ended before the kept window, and only those', () => {
    const old = new Date('2026-10-01T00:00:00.000Z');
    const customer = {
      ...storedCustomer({ orderCount: 2 }),
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
    const effect = effectOf(storedCustomer({ revision: 2, orderCount: 2 }), order('placed'));

    expect(effect?.update['$set']).toEqual({
      [`orderFacts.${orderId}`]: { placed: true, changedAt: now },
      tier: 'silver',
      revision: 3,
      updatedAt: now,
    });
    expect(effect?.tierChange).toEqual({
      customerId: storedCustomer()._id,
      revision: 3,
      previousTier: 'bronze',
      tier: 'silver',
      changedAt: now,
    });
  });

  it('moves the tier down when a cancellation takes the count under the threshold', () => {
    const customer = {
      ...storedCustomer({ orderCount: 10, tier: 'gold' }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };

    expect(effectOf(customer, order('cancelled'))?.tierChange).toMatchObject({
      previousTier: 'gold',
      tier: 'silver',
      revision: 2,
    });
  });

  it('catches up with thresholds changed since the last order', () => {
    const effect = effectOf(storedCustomer({ orderCount: 20, tier: 'silver' }), order('placed'));

    expect(effect?.tierChange).toMatchObject({ previousTier: 'silver', tier: 'gold' });
  });
});
