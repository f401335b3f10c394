import type { OrderResponse } from '@mesh/orders-contracts';

import { Ledger, nonZero, tierFor } from './ledger';

const ada = '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a';
const bob = '0190f5b1-2222-7cc1-9a55-3f6f0c1d2e3a';

function order(
  id: string,
  customerId: string,
  currency: string,
  placedAt: string,
  items: OrderResponse['items'],
): OrderResponse {
  const total = items.reduce((sum, line) => sum + line.lineTotal, 0);
  return { id, customerId, status: 'placed', currency, items, total, placedAt, cancelledAt: null, shippedAt: null };
}

const line = (sku: string, quantity: number, unitPrice: number) => ({
  sku,
  quantity,
  unitPrice,
  lineTotal: quantity * unitPrice,
});

function sampleLedger(): Ledger {
  const ledger = new Ledger();
  ledger.registered(ada, 'GB');
  ledger.registered(bob, 'DE');
  ledger.placed(order('o1', ada, 'EUR', '2026-11-27T23:59:59.000Z', [line('BOOK', 2, 500), line('MUG', 1, 300)]));
  ledger.placed(order('o2', ada, 'EUR', '2026-11-28T00:00:01.000Z', [line('BOOK', 1, 500)]));
  ledger.placed(order('o3', bob, 'USD', '2026-11-28T10:00:00.000Z', [line('MUG', 3, 200)]));
  ledger.placed(order('o4', ada, 'USD', '2026-11-28T11:00:00.000Z', [line('PEN', 4, 100)]));
  ledger.cancelled('o2');
  return ledger;
}

describe('Ledger', () => {
  it('sums daily sales per UTC day of placement and currency, cancellations on the day placed', () => {
    expect(sampleLedger().dailySales()).toEqual([
      {
        day: '2026-11-27',
        currency: 'EUR',
        orders: 1,
        revenue: 1300,
        cancelledOrders: 0,
        cancelledRevenue: 0,
        netRevenue: 1300,
      },
      {
        day: '2026-11-28',
        currency: 'EUR',
        orders: 1,
        revenue: 500,
        cancelledOrders: 1,
        cancelledRevenue: 500,
        netRevenue: 0,
      },
      {
        day: '2026-11-28',
        currency: 'USD',
        orders: 2,
        revenue: 1000,
        cancelledOrders: 0,
        cancelledRevenue: 0,
        netRevenue: 1000,
      },
    ]);
  });

  it('gives each customer the orders that stand, their revenue per currency and the tier they earn', () => {
    const figures = sampleLedger().customerFigures();
    expect(figures.get(ada)).toEqual({
      country: 'GB',
      orderCount: 2,
      revenue: { EUR: 1300, USD: 400 },
      tier: 'bronze',
    });
    expect(figures.get(bob)).toEqual({ country: 'DE', orderCount: 1, revenue: { USD: 600 }, tier: 'bronze' });
  });

  it('ranks products by units net of cancellations, then by sku', () => {
    expect(sampleLedger().topProducts()).toEqual([
      { sku: 'MUG', units: 4, revenue: { EUR: 300, USD: 600 } },
      { sku: 'PEN', units: 4, revenue: { USD: 400 } },
      { sku: 'BOOK', units: 2, revenue: { EUR: 1000 } },
    ]);
  });

  it('spans the days of the placed orders', () => {
    expect(sampleLedger().dayRange()).toEqual({ from: '2026-11-27', to: '2026-11-28' });
  });

  it('refuses what would make its figures wrong: an order twice, a cancellation twice, an unknown order', () => {
    const ledger = sampleLedger();
    expect(() => ledger.placed(order('o1', ada, 'EUR', '2026-11-28T00:00:00.000Z', [line('X', 1, 1)]))).toThrow(
      /accepted twice/,
    );
    expect(() => ledger.cancelled('o2')).toThrow(/cancelled twice/);
    expect(() => ledger.cancelled('o9')).toThrow(/never placed/);
  });

  it('refuses an order of a customer it never saw registered when computing customer figures', () => {
    const ledger = new Ledger();
    ledger.placed(order('o1', ada, 'EUR', '2026-11-28T00:00:00.000Z', [line('X', 1, 1)]));
    expect(() => ledger.customerFigures()).toThrow(/never registered/);
  });
});

describe('tierFor', () => {
  it.each([
    [0, 'bronze'],
    [2, 'bronze'],
    [3, 'silver'],
    [9, 'silver'],
    [10, 'gold'],
  ])('gives %s orders the tier %s', (orders, tier) => {
    expect(tierFor(orders)).toBe(tier);
  });
});

describe('nonZero', () => {
  it('drops currencies whose amount came back to zero and sorts the rest', () => {
    expect(Object.entries(nonZero({ USD: 5, EUR: 0, GBP: 1 }))).toEqual([
      ['GBP', 1],
      ['USD', 5],
    ]);
  });
});
