import { eventually } from '@mesh/messaging/testing';
import type { OrderResponse } from '@mesh/orders-contracts';

import { registerCustomer } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';
import { ExpiredIdempotencyKeys } from './expired-idempotency-keys';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;
let customerId: string;
let body: { customerId: string; currency: string; items: Array<{ sku: string; quantity: number; unitPrice: number }> };

beforeAll(async () => {
  testApp = await OrdersTestApp.start('idempotency');
  customerId = await registerCustomer(testApp);
  body = { customerId, currency: 'EUR', items: [{ sku: 'BOOK-1', quantity: 1, unitPrice: 1000 }] };
});

afterAll(() => testApp?.close());

async function ordersWithKey(key: string): Promise<number> {
  const [{ count }] = await testApp.dataSource.query<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM orders WHERE id = (SELECT (response->>'id')::uuid FROM idempotency_keys WHERE key = $1)`,
    [key],
  );
  return count;
}

async function countRows(table: 'orders' | 'mesh_outbox'): Promise<number> {
  const [{ count }] = await testApp.dataSource.query<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM ${table}`,
  );
  return count;
}

describe('POST /orders with an Idempotency-Key', () => {
  it('answers a retry with the first response: same status and body, no second order, no second event', async () => {
    const first = await testApp.placeOrder(body, { 'idempotency-key': 'retry-1' });
    const before = { orders: await countRows('orders'), events: await countRows('mesh_outbox') };
    // The same request serialised with its keys in another order is the same request.
    const { items, currency, customerId: customer } = body;
    const retry = await testApp.placeOrder({ items, currency, customerId: customer }, { 'idempotency-key': 'retry-1' });

    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect({ orders: await countRows('orders'), events: await countRows('mesh_outbox') }).toEqual(before);

    const orderId = first.json<OrderResponse>().id;
    await eventually('the placed event published', async () =>
      (await testApp.orderEvents()).some((e) => e.subject === orderId),
    );
    expect((await testApp.orderEvents()).filter((event) => event.subject === orderId)).toHaveLength(1);
  });

  it('answers 422 when the key was used for another request, and places nothing', async () => {
    await testApp.placeOrder(body, { 'idempotency-key': 'reused' });
    const orders = await countRows('orders');
    const other = await testApp.placeOrder({ ...body, currency: 'USD' }, { 'idempotency-key': 'reused' });

    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      message: 'Idempotency-Key "reused" was already used for another request; send a new key for a new order',
    });
    expect(await countRows('orders')).toBe(orders);
  });

  it('places one order for concurrent requests with one key, and all of them get its response', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => testApp.placeOrder(body, { 'idempotency-key': 'concurrent' })),
    );

    expect(responses.map((response) => response.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await ordersWithKey('concurrent')).toBe(1);
  });

  it('does not remember a refused request, so a retry after the cause is fixed places the order', async () => {
    const unknown = { ...body, customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a' };
    const refused = await testApp.placeOrder(unknown, { 'idempotency-key': 'early' });
    expect(refused.statusCode).toBe(422);

    await registerCustomer(testApp, unknown.customerId);
    const retried = await testApp.placeOrder(unknown, { 'idempotency-key': 'early' });
    expect(retried.statusCode).toBe(201);
    expect(await ordersWithKey('early')).toBe(1);
  });

  it.each([
    ['an empty key', ''],
    ['a key of 201 characters', 'k'.repeat(201)],
  ])('answers 400 naming the header for %s', async (_case, key) => {
    const response = await testApp.placeOrder(body, { 'idempotency-key': key });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: 'Idempotency-Key: must be one header of 1 to 200 characters' });
  });

  it('accepts a key of 200 characters', async () => {
    expect((await testApp.placeOrder(body, { 'idempotency-key': 'k'.repeat(200) })).statusCode).toBe(201);
  });
});

describe('expired Idempotency-Keys', () => {
  const ageKey = (key: string, hours: number) =>
    testApp.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(hours => $2) WHERE key = $1`, [
      key,
      hours,
    ]);
  const keyExists = async (key: string) =>
    (await testApp.dataSource.query<unknown[]>(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).length === 1;

  it('are deleted after the time to live (24 h by default), so the key places a new order; younger keys still replay', async () => {
    const expired = await testApp.placeOrder(body, { 'idempotency-key': 'day-old' });
    const young = await testApp.placeOrder(body, { 'idempotency-key': 'hour-old' });
    await ageKey('day-old', 25);
    await ageKey('hour-old', 23);

    const deleted = await testApp.app.get(ExpiredIdempotencyKeys).deleteExpired();

    expect(deleted).toBe(1);
    expect({ dayOld: await keyExists('day-old'), hourOld: await keyExists('hour-old') }).toEqual({ dayOld: false, hourOld: true });
    const replay = await testApp.placeOrder(body, { 'idempotency-key': 'hour-old' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(young.body);
    const again = await testApp.placeOrder(body, { 'idempotency-key': 'day-old' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json<OrderResponse>().id).not.toBe(expired.json<OrderResponse>().id);
  });

  it('are deleted in chunks until none is left, the orders they placed kept', async () => {
    const orders = await countRows('orders');
    // 2,500 old keys (more than two chunks) pointing at no order: only the keys table is touched.
    await testApp.dataSource.query(
      `INSERT INTO idempotency_keys (key, request_hash, response, created_at)
       SELECT 'bulk-' || n, 'hash', '{}'::json, now() - interval '30 hours' FROM generate_series(1, 2500) AS n`,
    );
    const sweeper = testApp.app.get(ExpiredIdempotencyKeys);
    expect(await sweeper.deleteExpired()).toBe(2500);
    expect(await sweeper.deleteExpired()).toBe(0);
    expect(await countRows('orders')).toBe(orders);
  });
});
