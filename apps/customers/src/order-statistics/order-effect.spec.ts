import { registeredCustomer } from '../../test/customer.fixture';
import { earlier, keptSince, now, order, orderId, shipped, tiers } from '../../test/order-change.fixture';
import { loyaltyTierFor } from './loyalty-tier';
import { type CustomerWithOrderFacts, type OrderChange, orderEffect } from './order-effect';

// What the effects below come to as the store's update: store/order-effect-update.spec.ts.

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
  it('counts a placed order and its total, decided on the state read and the order having no fact yet', () => {
    const effect = effectOf(registeredCustomer({ revision: 4, orderCount: 1 }), order('placed'));

    expect(effect).toEqual({
      customerId: registeredCustomer().id,
      orderId,
      asRead: { revision: 4, orderCount: 1, fact: undefined },
      fact: { placed: true, changedAt: now },
      step: { orders: 1, currency: 'EUR', spent: 2_500 },
      expiredOrderIds: [],
    });
    expect(effect?.tierChange).toBeUndefined();
  });

  it('reverses a counted order when it is cancelled, decided on the fact as read', () => {
    const customer = {
      ...registeredCustomer({ orderCount: 2 }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };
    const effect = effectOf(customer, order('cancelled'));

    expect(effect?.asRead).toEqual({ revision: 1, orderCount: 2, fact: { placed: true, changedAt: earlier } });
    expect(effect?.fact).toEqual({ placed: true, ended: 'cancelled', changedAt: now });
    expect(effect?.step).toEqual({ orders: -1, currency: 'EUR', spent: -2_500 });
  });

  it('remembers a cancellation that comes before its placement, and then does not count the placement', () => {
    const cancelledFirst = effectOf(registeredCustomer({ orderCount: 1 }), order('cancelled'));
    expect(cancelledFirst?.fact).toEqual({ placed: false, ended: 'cancelled', changedAt: now });
    expect(cancelledFirst?.step).toBeUndefined();

    const customer = {
      ...registeredCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: false, ended: 'cancelled' as const, changedAt: earlier } },
    };
    const placedAfter = effectOf(customer, order('placed'));
    expect(placedAfter?.fact).toEqual({ placed: true, ended: 'cancelled', changedAt: now });
    expect(placedAfter?.step).toBeUndefined();
  });

  it('has nothing to do for a copy of what the fact already says', () => {
    const customer = {
      ...registeredCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: true, ended: 'shipped' as const, changedAt: earlier } },
    };

    expect(effectOf(customer, order('placed'))).toBeUndefined();
    expect(effectOf(customer, shipped)).toBeUndefined();
  });

  it('ends a shipped order without changing the statistics', () => {
    const customer = {
      ...registeredCustomer({ orderCount: 1 }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };
    const effect = effectOf(customer, shipped);

    expect(effect?.fact).toEqual({ placed: true, ended: 'shipped', changedAt: now });
    expect(effect?.step).toBeUndefined();
    expect(effect?.tierChange).toBeUndefined();
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

    expect(effectOf(customer, order('placed'))?.expiredOrderIds).toEqual(['ended-long-ago', 'cancelled-long-ago']);
  });

  it('moves the tier up with the order that reaches the threshold, as a new revision', () => {
    const effect = effectOf(registeredCustomer({ revision: 2, orderCount: 2 }), order('placed'));

    expect(effect?.tierChange).toEqual({
      customerId: registeredCustomer().id,
      revision: 3,
      previousTier: 'bronze',
      tier: 'silver',
      changedAt: now,
    });
  });

  it('moves the tier down when a cancellation takes the count under the threshold', () => {
    const customer = {
      ...registeredCustomer({ orderCount: 10, tier: 'gold' }),
      orderFacts: { [orderId]: { placed: true, changedAt: earlier } },
    };

    expect(effectOf(customer, order('cancelled'))?.tierChange).toMatchObject({
      previousTier: 'gold',
      tier: 'silver',
      revision: 2,
    });
  });

  it('catches up with thresholds changed since the last order', () => {
    const effect = effectOf(registeredCustomer({ orderCount: 20, tier: 'silver' }), order('placed'));

    expect(effect?.tierChange).toMatchObject({ previousTier: 'silver', tier: 'gold' });
  });
});
