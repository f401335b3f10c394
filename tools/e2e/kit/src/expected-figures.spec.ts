import type { OrderResponse } from '@mesh/orders-contracts';

import { figuresInCurrency } from './expected-figures';
import { Ledger } from './ledger';

const ada = '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a';
const bob = '0190f5b1-2222-7cc1-9a55-3f6f0c1d2e3a';

function order(id: string, customerId: string, currency: string, placedAt: string, lines: [string, number, number][]) {
  const items = lines.map(([sku, quantity, unitPrice]) => ({
    sku,
    quantity,
    unitPrice,
    lineTotal: quantity * unitPrice,
  }));
  const total = items.reduce((sum, line) => sum + line.lineTotal, 0);
  const response: OrderResponse = {
    id,
    customerId,
    status: 'placed',
    currency,
    items,
    total,
    placedAt,
    cancelledAt: null,
    shippedAt: null,
  };
  return response;
}

describe('figuresInCurrency', () => {
  it('sums the sales of the currency over the days, and reads products and customers in it', () => {
    const ledger = new Ledger();
    ledger.registered(ada, 'GB');
    ledger.registered(bob, 'DE');
    ledger.placed(
      order('o1', ada, 'EUR', '2026-11-27T23:59:59.000Z', [
        ['KETTLE', 1, 3_499],
        ['MUG', 2, 899],
      ]),
    );
    ledger.placed(order('o2', ada, 'EUR', '2026-11-28T00:00:01.000Z', [['MUG', 1, 899]]));
    ledger.placed(order('o3', bob, 'EUR', '2026-11-28T10:00:00.000Z', [['TEA', 3, 450]]));
    ledger.placed(order('o4', bob, 'USD', '2026-11-28T11:00:00.000Z', [['TEA', 1, 500]]));
    ledger.cancelled('o2');

    const figures = figuresInCurrency(ledger, 'EUR');

    expect(figures.sales).toEqual({ orders: 3, revenue: 7_546, cancelledOrders: 1, cancelledRevenue: 899 });
    expect(Object.fromEntries(figures.products)).toEqual({
      KETTLE: { units: 1, revenue: 3_499 },
      MUG: { units: 2, revenue: 1_798 },
      TEA: { units: 4, revenue: 1_350 },
    });
    expect(Object.fromEntries(figures.customers)).toEqual({
      [ada]: { orderCount: 1, revenue: 5_297, tier: 'bronze' },
      [bob]: { orderCount: 2, revenue: 1_350, tier: 'bronze' },
    });
    // Compared as JSON by the swarm e2e: the keys in the order it reads them.
    expect(Object.keys(figures.sales)).toEqual(['orders', 'revenue', 'cancelledOrders', 'cancelledRevenue']);
    expect(Object.keys(figures.customers.get(ada) ?? {})).toEqual(['orderCount', 'revenue', 'tier']);
    expect(Object.keys(figures.products.get('MUG') ?? {})).toEqual(['units', 'revenue']);
  });
});
