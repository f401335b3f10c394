import { eventually } from '@mesh/messaging/testing';
import type { OrderResponse } from '@mesh/orders-contracts';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { customerEvent, publishCustomerEvents, registerCustomer, replicaOf } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;
let customerId: string;
const line = { sku: 'BOOK-1', quantity: 2, unitPrice: 1250 };

beforeAll(async () => {
  testApp = await OrdersTestApp.start('place');
  customerId = await registerCustomer(testApp);
});

afterAll(() => testApp?.close());

describe('POST /orders', () => {
  it('places the order with its lines and total, and publishes orders.order.placed', async () => {
    const items = [line, { sku: 'PEN', quantity: 3, unitPrice: 199 }];
    const response = await testApp.placeOrder({ customerId, currency: 'EUR', items });

    expect(response.statusCode).toBe(201);
    const order = response.json<OrderResponse>();
    expect(order).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      customerId,
      status: 'placed',
      currency: 'EUR',
      items: [
        { ...line, lineTotal: 2500 },
        { sku: 'PEN', quantity: 3, unitPrice: 199, lineTotal: 597 },
      ],
      total: 3097,
      placedAt: expect.any(String),
      cancelledAt: null,
      shippedAt: null,
    });
    const fetched = await testApp.app.inject({ method: 'GET', url: `/orders/${order.id}`, headers: authorized() });
    expect(fetched.json()).toEqual(order);

    await eventually('the placed event on orders.order.v1', async () =>
      (await testApp.orderEvents()).some((event) => event.subject === order.id),
    );
    const event = (await testApp.orderEvents()).find((candidate) => candidate.subject === order.id);
    expect(event).toMatchObject({
      type: 'orders.order.placed',
      source: '/orders',
      data: { orderId: order.id, customerId, currency: 'EUR', lines: items, total: 3097, placedAt: order.placedAt },
    });
  });

  it.each([
    ['a malformed customer id', { customerId: 'c-1' }, 'customerId'],
    ['a lower-case currency', { currency: 'eur' }, 'currency'],
    ['no lines', { items: [] }, 'items'],
    ['101 lines', { items: Array.from({ length: 101 }, () => line) }, 'items'],
    ['a zero quantity', { items: [{ ...line, quantity: 0 }] }, 'items.0.quantity'],
    ['a negative unit price', { items: [{ ...line, unitPrice: -1 }] }, 'items.0.unitPrice'],
    ['a fractional unit price', { items: [{ ...line, unitPrice: 12.5 }] }, 'items.0.unitPrice'],
    ['an empty sku', { items: [{ ...line, sku: '' }] }, 'items.0.sku'],
    ['a quantity given as text', { items: [{ ...line, quantity: '2' }] }, 'items.0.quantity'],
    ['an unknown line field', { items: [{ ...line, discount: 5 }] }, 'items.0.discount'],
    ['an unknown field', { coupon: 'X' }, 'coupon'],
    ['a total beyond exact integers', { items: [{ ...line, quantity: 10_000, unitPrice: 2 ** 50 }] }, 'items'],
  ])('answers 400 naming the field for %s, and places nothing', async (_case, change, field) => {
    const response = await testApp.placeOrder({ customerId, currency: 'EUR', items: [line], ...change });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ message: string; issues: Array<{ path: string }> }>();
    expect(body.issues.map((issue) => issue.path)).toContain(field);
    expect(body.message).toContain(field);
  });

  it('answers 400 for a body that is not a JSON object, and 415 for one that is not JSON', async () => {
    expect((await testApp.placeOrder([line])).statusCode).toBe(400);
    const text = await testApp.app.inject({
      method: 'POST',
      url: '/orders',
      payload: 'customerId=1',
      headers: { ...authorized(), 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
  });

  it('answers 422 for a customer the replica does not know', async () => {
    const stranger = uuidv7();
    const response = await testApp.placeOrder({ customerId: stranger, currency: 'EUR', items: [line] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      message: `customer ${stranger} is unknown: no registration of it has reached the orders service`,
    });
  });

  it('answers 422 for a deactivated customer', async () => {
    const leaving = await registerCustomer(testApp);
    await publishCustomerEvents(testApp.redis, [customerEvent.deactivated(leaving, 2)]);
    await eventually(
      'the deactivation in the replica',
      async () => (await replicaOf(testApp, leaving))?.status === 'deactivated',
    );

    const response = await testApp.placeOrder({ customerId: leaving, currency: 'EUR', items: [line] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ message: `customer ${leaving} is deactivated and cannot place orders` });
  });

  it('leaves no order behind for any refused request', async () => {
    const [{ orders }] = await testApp.dataSource.query<Array<{ orders: number }>>(
      'SELECT count(*)::int AS orders FROM orders',
    );
    const [{ events }] = await testApp.dataSource.query<Array<{ events: number }>>(
      'SELECT count(*)::int AS events FROM mesh_outbox',
    );
    expect({ orders, events }).toEqual({ orders: 1, events: 1 });
  });
});
