import { storedCustomer } from '../../test/stored-customer.fixture';
import { loyaltyTierFor } from './loyalty-tier';
import { type OrderChange, orderEffect } from './order-effect';

const tiers = { silverMinOrders: 3, goldMinOrders: 10 };
const now = new Date('2026-11-28T10:00:00.000Z');
const order = (kind: OrderChange['kind']): OrderChange => ({
  kind,
  orderId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a',
  customerId: storedCustomer()._id,
  currency: 'EUR',
  total: 2_500,
});

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
  it('counts a placed order and its total once, guarded by the state read and the order not yet counted', () => {
    const effect = orderEffect(storedCustomer({ revision: 4, orderCount: 1 }), order('placed'), tiers, now);

    expect(effect.filter).toEqual({
      _id: storedCustomer()._id,
      revision: 4,
      orderCount: 1,
      countedOrderIds: { $ne: order('placed').orderId },
    });
    expect(effect.update).toEqual({
      $inc: { orderCount: 1, 'totalSpent.EUR': 2_500 },
      $push: { countedOrderIds: order('placed').orderId },
    });
    expect(effect.tierChange).toBeUndefined();
    expect(effect.settled).toEqual({ countedOrderIds: order('placed').orderId });
  });

  it('reverses a cancelled order only while it is counted', () => {
    const effect = orderEffect(storedCustomer({ orderCount: 2 }), order('cancelled'), tiers, now);

    expect(effect.filter).toMatchObject({ orderCount: 2, countedOrderIds: order('cancelled').orderId });
    expect(effect.update).toEqual({
      $inc: { orderCount: -1, 'totalSpent.EUR': -2_500 },
      $pull: { countedOrderIds: order('cancelled').orderId },
    });
    expect(effect.settled).toEqual({ countedOrderIds: { $ne: order('cancelled').orderId } });
  });

  it('moves the tier up with the order that reaches the threshold, as a new revision', () => {
    const effect = orderEffect(storedCustomer({ revision: 2, orderCount: 2 }), order('placed'), tiers, now);

    expect(effect.update['$set']).toEqual({ tier: 'silver', revision: 3, updatedAt: now });
    expect(effect.tierChange).toEqual({
      customerId: storedCustomer()._id,
      revision: 3,
      previousTier: 'bronze',
      tier: 'silver',
      changedAt: now,
    });
  });

  it('moves the tier down when a cancellation takes the count under the threshold', () => {
    const effect = orderEffect(storedCustomer({ orderCount: 10, tier: 'gold' }), order('cancelled'), tiers, now);

    expect(effect.tierChange).toMatchObject({ previousTier: 'gold', tier: 'silver', revision: 2 });
  });

  it('catches up with thresholds changed since the last order', () => {
    const effect = orderEffect(storedCustomer({ orderCount: 20, tier: 'silver' }), order('placed'), tiers, now);

    expect(effect.tierChange).toMatchObject({ previousTier: 'silver', tier: 'gold' });
  });
});
