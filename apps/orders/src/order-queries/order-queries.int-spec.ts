import type { OrderPage, OrderResponse } from '@mesh/orders-contracts';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { registerCustomer } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;
let ada: string;
let grace: string;
/** Oldest first, as placed. */
const adaOrders: OrderResponse[] = [];
let graceOrder: OrderResponse;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('queries');
  ada = await registerCustomer(testApp);
  grace = await registerCustomer(testApp);
  for (let index = 0; index < 5; index += 1) {
    adaOrders.push(await testApp.placedOrder(ada, [{ sku: `SKU-${index}`, quantity: index + 1, unitPrice: 100 }]));
  }
  graceOrder = await testApp.placedOrder(grace);
  await testApp.app.inject({ method: 'POST', url: `/orders/${adaOrders[1].id}/ship`, headers: authorized() });
  await testApp.app.inject({ method: 'POST', url: `/orders/${adaOrders[3].id}/ship`, headers: authorized() });
});

afterAll(() => testApp?.close());

async function list(query: string) {
  return testApp.app.inject({ method: 'GET', url: `/orders${query}`, headers: authorized() });
}

describe('GET /orders/:id', () => {
  it('returns the order with its lines', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/orders/${graceOrder.id}`,
      headers: authorized(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(graceOrder);
  });

  it('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
    const unknownId = uuidv7();
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/orders/${unknownId}`, headers: authorized() })).json(),
    ).toMatchObject({
      statusCode: 404,
      message: `order ${unknownId} not found`,
    });
    const malformed = await testApp.app.inject({ method: 'GET', url: '/orders/42', headers: authorized() });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ message: string }>().message).toMatch(/^id: /);
  });
});

describe('GET /orders', () => {
  it('lists all orders newest first, 20 to a page by default, with the total on the first page', async () => {
    const page = (await list('')).json<OrderPage>();
    expect(page).toMatchObject({ total: 6, page: 1, limit: 20, hasMore: false });
    expect(page.next).toBeUndefined();
    expect(page.items.map((order) => order.id)).toEqual(
      [graceOrder, ...[...adaOrders].reverse()].map((order) => order.id),
    );
  });

  it('filters by customer and by status', async () => {
    const adas = (await list(`?customerId=${ada}`)).json<OrderPage>();
    expect(adas.total).toBe(5);
    expect(adas.items.every((order) => order.customerId === ada)).toBe(true);

    const shipped = (await list(`?customerId=${ada}&status=shipped`)).json<OrderPage>();
    expect(shipped.items.map((order) => order.id)).toEqual([adaOrders[3].id, adaOrders[1].id]);
    expect(shipped.items[0]).toMatchObject({
      status: 'shipped',
      items: [{ sku: 'SKU-3', quantity: 4, lineTotal: 400 }],
    });

    expect((await list(`?customerId=${uuidv7()}`)).json()).toEqual({
      items: [],
      total: 0,
      page: 1,
      limit: 20,
      hasMore: false,
    });
  });

  it('pages through the orders, counting them on the first page only', async () => {
    const first = (await list(`?customerId=${ada}&limit=2`)).json<OrderPage>();
    expect(first).toMatchObject({ total: 5, page: 1, limit: 2, hasMore: true, next: adaOrders[3].id });
    const second = (await list(`?customerId=${ada}&page=2&limit=2`)).json<OrderPage>();
    expect(second).toMatchObject({ page: 2, limit: 2, hasMore: true, next: adaOrders[1].id });
    expect(second.total).toBeUndefined();
    expect(second.items.map((order) => order.id)).toEqual([adaOrders[2].id, adaOrders[1].id]);
    const beyond = (await list(`?customerId=${ada}&page=4&limit=2`)).json<OrderPage>();
    expect(beyond).toEqual({ items: [], page: 4, limit: 2, hasMore: false });
  });

  it('follows next with after, page after page, to the last', async () => {
    const seen: string[] = [];
    let page = (await list(`?customerId=${ada}&limit=2`)).json<OrderPage>();
    seen.push(...page.items.map((order) => order.id));
    while (page.next) {
      const response = await list(`?customerId=${ada}&limit=2&after=${page.next}`);
      expect(response.statusCode).toBe(200);
      page = response.json<OrderPage>();
      expect(page.total).toBeUndefined();
      expect(page.page).toBeUndefined();
      seen.push(...page.items.map((order) => order.id));
    }
    expect(seen).toEqual([...adaOrders].reverse().map((order) => order.id));
    expect(page).toMatchObject({ limit: 2, hasMore: false });
  });

  it('lets a page skip at most 10000 orders, naming page, and points to after instead', async () => {
    expect((await list('?page=101&limit=100')).statusCode).toBe(200);

    const far = await list('?page=102&limit=100');
    expect(far.statusCode).toBe(400);
    expect(far.json()).toMatchObject({
      message: 'page: page 102 of 100 skips more than 10000 orders; follow next with after=<id> instead',
      issues: [{ path: 'page' }],
    });
  });

  it('answers 400 naming after for an id no order has, and naming page for a page beside after', async () => {
    const unknown = await list(`?after=${uuidv7()}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ issues: [{ path: 'after', message: expect.stringMatching(/^no order has the id /) }] });

    const both = await list(`?after=${adaOrders[2].id}&page=2`);
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ issues: [{ path: 'page', message: 'cannot be combined with after' }] });
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=1.5', 'limit'],
    ['status=lost', 'status'],
    ['customerId=42', 'customerId'],
    ['after=42', 'after'],
    ['sort=total', 'sort'],
  ])('answers 400 naming the parameter for ?%s', async (query, field) => {
    const response = await list(`?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ issues: Array<{ path: string }> }>().issues.map((issue) => issue.path)).toEqual([field]);
  });
});
