import { newOrder } from './order';
import { toOrderResponse } from './order-response';

const customerId = '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a';

describe('newOrder', () => {
  it('prices each line and totals the order in minor units', () => {
    const order = newOrder({
      customerId,
      currency: 'EUR',
      items: [
        { sku: 'BOOK-1', quantity: 2, unitPrice: 1250 },
        { sku: 'PEN', quantity: 3, unitPrice: 0 },
        { sku: 'BAG', quantity: 1, unitPrice: 999 },
      ],
    });
    expect(order.lines.map((line) => [line.lineNo, line.sku, line.lineTotal])).toEqual([
      [1, 'BOOK-1', 2500],
      [2, 'PEN', 0],
      [3, 'BAG', 999],
    ]);
    expect(order.total).toBe(3499);
    expect(order).toMatchObject({ customerId, currency: 'EUR', status: 'placed', cancelledAt: null, shippedAt: null });
  });

  it('gives each order a new time-ordered UUIDv7', () => {
    const request = { customerId, currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 1 }] };
    const [first, second] = [newOrder(request), newOrder(request)];
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(second.id > first.id).toBe(true);
  });
});

describe('toOrderResponse', () => {
  it('lists the lines in their order and the times as ISO strings', () => {
    const placedAt = new Date('2026-11-28T09:30:00.000Z');
    const order = newOrder(
      {
        customerId,
        currency: 'USD',
        items: [
          { sku: 'A', quantity: 1, unitPrice: 5 },
          { sku: 'B', quantity: 2, unitPrice: 7 },
        ],
      },
      placedAt,
    );
    order.lines.reverse();
    expect(toOrderResponse(order)).toEqual({
      id: order.id,
      customerId,
      status: 'placed',
      currency: 'USD',
      items: [
        { sku: 'A', quantity: 1, unitPrice: 5, lineTotal: 5 },
        { sku: 'B', quantity: 2, unitPrice: 7, lineTotal: 14 },
      ],
      total: 19,
      placedAt: '2026-11-28T09:30:00.000Z',
      cancelledAt: null,
      shippedAt: null,
    });
  });
});
