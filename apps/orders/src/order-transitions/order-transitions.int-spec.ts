import { eventually } from '@mesh/messaging/testing';
import type { OrderResponse } from '@mesh/orders-contracts';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { registerCustomer } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;
let customerId: string;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('transitions');
  customerId = await registerCustomer(testApp);
});

afterAll(() => testApp?.close());

function transition(orderId: string, verb: 'cancel' | 'ship', payload?: object) {
  return testApp.app.inject({
    method: 'POST',
    url: `/orders/${orderId}/${verb}`,
    ...(payload ? { payload } : {}),
    headers: authorized(),
  });
}

/** The app's base URL, listening on a free port of the loopback interface (from the first call on). */
async function listening(): Promise<string> {
  if (!testApp.app.getHttpServer().listening) await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return testApp.app.getUrl();
}

async function eventsOf(orderId: string, count: number) {
  await eventually(
    `${count} events of order ${orderId}`,
    async () => (await testApp.orderEvents()).filter((event) => event.subject === orderId).length >= count,
  );
  return (await testApp.orderEvents()).filter((event) => event.subject === orderId);
}

describe('POST /orders/:id/cancel', () => {
  it('cancels a placed order and publishes orders.order.cancelled after orders.order.placed', async () => {
    const order = await testApp.placedOrder(customerId);
    const response = await transition(order.id, 'cancel', { reason: 'changed my mind' });

    expect(response.statusCode).toBe(200);
    const cancelled = response.json<OrderResponse>();
    expect(cancelled).toEqual({ ...order, status: 'cancelled', cancelledAt: expect.any(String) });
    expect(Date.parse(cancelled.cancelledAt as string)).toBeGreaterThanOrEqual(Date.parse(order.placedAt));

    const events = await eventsOf(order.id, 2);
    expect(events.map((event) => event.type)).toEqual(['orders.order.placed', 'orders.order.cancelled']);
    expect(events[1].data).toEqual({
      orderId: order.id,
      customerId,
      currency: 'EUR',
      total: order.total,
      placedAt: order.placedAt,
      cancelledAt: cancelled.cancelledAt,
      reason: 'changed my mind',
    });
  });

  it('needs no body', async () => {
    const order = await testApp.placedOrder(customerId);
    expect((await transition(order.id, 'cancel')).statusCode).toBe(200);
    expect((await eventsOf(order.id, 2))[1].data).not.toHaveProperty('reason');
  });

  it('needs no body over HTTP either, when the client sends content-type: application/json with an empty body', async () => {
    const order = await testApp.placedOrder(customerId);
    const response = await fetch(`${await listening()}/orders/${order.id}/cancel`, {
      method: 'POST',
      headers: { ...authorized(), 'content-type': 'application/json' },
      body: '',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: order.id, status: 'cancelled' });
    expect((await eventsOf(order.id, 2))[1].data).not.toHaveProperty('reason');
  });

  it('answers 400 naming the field for a reason over 500 characters or an unknown field', async () => {
    const order = await testApp.placedOrder(customerId);
    const long = await transition(order.id, 'cancel', { reason: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ message: string }>().message).toMatch(/^reason: /);
    const unknown = await transition(order.id, 'cancel', { refund: true });
    expect(unknown.json()).toMatchObject({ statusCode: 400, message: 'unknown field "refund"' });
  });
});

describe('POST /orders/:id/ship', () => {
  it('ships a placed order and publishes orders.order.shipped', async () => {
    const order = await testApp.placedOrder(customerId);
    const response = await transition(order.id, 'ship');

    expect(response.statusCode).toBe(200);
    const shipped = response.json<OrderResponse>();
    expect(shipped).toEqual({ ...order, status: 'shipped', shippedAt: expect.any(String) });
    const events = await eventsOf(order.id, 2);
    expect(events.map((event) => event.type)).toEqual(['orders.order.placed', 'orders.order.shipped']);
    expect(events[1].data).toEqual({
      orderId: order.id,
      customerId,
      placedAt: order.placedAt,
      shippedAt: shipped.shippedAt,
    });
  });
});

describe('transitions that are not allowed', () => {
  it.each([
    ['cancelled', 'cancel', 'cancel'],
    ['cancelled', 'cancel', 'ship'],
    ['shipped', 'ship', 'ship'],
    ['shipped', 'ship', 'cancel'],
  ] as const)('answer 409 saying the order is %s (%s, then %s) and publish nothing', async (status, first, second) => {
    const order = await testApp.placedOrder(customerId);
    expect((await transition(order.id, first)).statusCode).toBe(200);

    const refused = await transition(order.id, second);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      message: `order ${order.id} is ${status}; only a placed order can be ${second === 'cancel' ? 'cancelled' : 'shipped'}`,
    });
    const [{ events }] = await testApp.dataSource.query<Array<{ events: number }>>(
      'SELECT count(*)::int AS events FROM mesh_outbox WHERE subject = $1',
      [order.id],
    );
    expect(events).toBe(2);
  });

  it('let exactly one of concurrent cancels and ships succeed', async () => {
    const order = await testApp.placedOrder(customerId);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => transition(order.id, index % 2 === 0 ? 'cancel' : 'ship')),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    const winner = responses.find((response) => response.statusCode === 200)?.json<OrderResponse>();
    const fetched = await testApp.app.inject({ method: 'GET', url: `/orders/${order.id}`, headers: authorized() });
    expect(fetched.json<OrderResponse>().status).toBe(winner?.status);
    const [{ events }] = await testApp.dataSource.query<Array<{ events: number }>>(
      'SELECT count(*)::int AS events FROM mesh_outbox WHERE subject = $1',
      [order.id],
    );
    expect(events).toBe(2);
  });

  it('answer 404 for an unknown order and 400 naming id for a malformed one', async () => {
    const unknownId = uuidv7();
    for (const verb of ['cancel', 'ship'] as const) {
      const missing = await transition(unknownId, verb);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ message: `order ${unknownId} not found` });
      const malformed = await transition('order-1', verb);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<{ message: string }>().message).toMatch(/^id: /);
    }
  });
});
