import { EventValidationError } from '@mesh/contract-kit';

import { placeOrderRequest } from '../api/place-order.request';
import { ORDER_STREAM, orderEvents } from './order-events';
import { orderPlaced } from './order-placed.event';

describe('orders contracts', () => {
  it('put every event type on the orders.order.v1 stream', () => {
    expect(ORDER_STREAM).toBe('orders.order.v1');
    expect(orderEvents.map((contract) => [contract.type, contract.stream])).toEqual([
      ['orders.order.placed', 'orders.order.v1'],
      ['orders.order.cancelled', 'orders.order.v1'],
      ['orders.order.shipped', 'orders.order.v1'],
    ]);
  });

  it('refuse at publish a field the contract does not know, and ignore it at consume', () => {
    const data = { ...orderPlaced.example, coupon: 'X' };
    expect(() => orderPlaced.parseStrict(data)).toThrow(EventValidationError);
    expect(orderPlaced.parseTolerant(data)).toMatchObject({ orderId: orderPlaced.example.orderId });
  });

  it('name the field and the rule of a bad amount or currency', () => {
    const bad = { ...orderPlaced.example, currency: 'euro', total: 1.5 };
    expect(() => orderPlaced.parseStrict(bad)).toThrow(
      /\/currency must match pattern .*\(pattern\); \/total must be integer \(type\)/,
    );
  });
});

describe('placeOrderRequest', () => {
  const valid = { customerId: orderPlaced.example.customerId, currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 0 }] };

  it('accepts an order with one line', () => {
    expect(placeOrderRequest.parse(valid)).toEqual(valid);
  });

  it.each([
    ['no lines', { ...valid, items: [] }, 'items'],
    ['101 lines', { ...valid, items: Array.from({ length: 101 }, () => valid.items[0]) }, 'items'],
    ['a zero quantity', { ...valid, items: [{ sku: 'A', quantity: 0, unitPrice: 1 }] }, 'items.0.quantity'],
    ['a negative price', { ...valid, items: [{ sku: 'A', quantity: 1, unitPrice: -1 }] }, 'items.0.unitPrice'],
    ['a fractional price', { ...valid, items: [{ sku: 'A', quantity: 1, unitPrice: 1.5 }] }, 'items.0.unitPrice'],
    ['an unknown field', { ...valid, discount: 5 }, ''],
    ['a lower-case currency', { ...valid, currency: 'eur' }, 'currency'],
  ])('refuses %s, naming the field', (_case, body, path) => {
    const result = placeOrderRequest.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
