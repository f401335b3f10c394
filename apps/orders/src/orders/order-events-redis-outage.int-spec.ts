import type { EventEnvelope } from '@mesh/contract-kit';
import { OutboxRelay } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import type { OrderResponse } from '@mesh/orders-contracts';

import { authorized } from '../../test/access-tokens';
import { registerCustomer } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';

jest.setTimeout(90_000);

const total = 500;
let testApp: OrdersTestApp;
let customers: string[];

beforeAll(async () => {
  testApp = await OrdersTestApp.start('outage');
  customers = [];
  for (let index = 0; index < 5; index += 1) customers.push(await registerCustomer(testApp));
});

afterAll(() => testApp?.close());

/** Runs `task` for each index, `concurrency` at a time, as clients of the API would. */
async function inParallel<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const indexes = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => start + offset);
    results.push(...(await Promise.all(indexes.map(task))));
  }
  return results;
}

function typesByOrder(events: readonly EventEnvelope[]): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (const event of events) types.set(event.subject, [...(types.get(event.subject) ?? []), event.type]);
  return types;
}

describe('orders placed while Redis is unreachable', () => {
  it(`keeps accepting them and publishes all ${total} events, once each and in order per order, when Redis returns`, async () => {
    await testApp.redisServer.kill();
    const placed = await inParallel(total, 20, async (index) => {
      const response = await testApp.placeOrder({
        customerId: customers[index % customers.length],
        currency: 'EUR',
        items: [{ sku: `SKU-${index}`, quantity: 1 + (index % 3), unitPrice: 100 + index }],
      });
      return { status: response.statusCode, order: response.json<OrderResponse>() };
    });
    expect(placed.filter(({ status }) => status !== 201)).toEqual([]);
    const orders = placed.map(({ order }) => order);
    // Some orders change again during the outage: their later events must follow the placed one.
    const cancelled = orders.filter((_, index) => index % 5 === 0);
    const shipped = orders.filter((_, index) => index % 5 === 1);
    const transitions = await Promise.all([
      ...cancelled.map((order) =>
        testApp.app.inject({ method: 'POST', url: `/orders/${order.id}/cancel`, headers: authorized() }),
      ),
      ...shipped.map((order) =>
        testApp.app.inject({ method: 'POST', url: `/orders/${order.id}/ship`, headers: authorized() }),
      ),
    ]);
    expect(transitions.filter((response) => response.statusCode !== 200)).toEqual([]);
    const expected = total + cancelled.length + shipped.length;
    expect((await testApp.app.get(OutboxRelay).backlog()).count).toBe(expected);

    await testApp.redisServer.restart();
    await eventually('every event published', async () => (await testApp.orderEvents()).length >= expected, 60_000);

    const published = await testApp.orderEvents();
    expect(published).toHaveLength(expected);
    expect(new Set(published.map((event) => event.id)).size).toBe(expected);
    const placedEvents = published.filter((event) => event.type === 'orders.order.placed');
    expect(placedEvents).toHaveLength(total);
    expect(new Set(placedEvents.map((event) => event.subject))).toEqual(new Set(orders.map((order) => order.id)));

    const types = typesByOrder(published);
    for (const order of cancelled)
      expect(types.get(order.id)).toEqual(['orders.order.placed', 'orders.order.cancelled']);
    for (const order of shipped) expect(types.get(order.id)).toEqual(['orders.order.placed', 'orders.order.shipped']);
    expect((await testApp.app.get(OutboxRelay).backlog()).count).toBe(0);
  });
});
