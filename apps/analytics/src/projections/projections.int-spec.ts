import type { CustomerValueResponse, DailySalesResponse, TopProductsResponse } from '@mesh/analytics-contracts';
import { createEvent } from '@mesh/contract-kit';
import { orderPlaced } from '@mesh/orders-contracts';

import { authorized } from '../../test/access-tokens';
import { type AnalyticsTestApp, startAnalyticsApp } from '../../test/analytics-test-app';
import { ExpectedProjections } from '../../test/expected-projections';
import { generateHistory } from '../../test/generated-history';
import { waitUntilApplied } from '../../test/wait-until-applied';
import { DEVELOPMENT_PSEUDONYM_KEY } from '../config/pseudonym.config';

const history = generateHistory({ seed: 20_260_302, customers: 60, orders: 1_000, firstDay: '2026-03-02', days: 21 });
// Redelivered by a producer retry: same ids, published again later.
const duplicates = history.events.filter((_, index) => index % 60 === 7);
const published = [...history.events, ...duplicates];
const expected = new ExpectedProjections(published);
const RANGE = { from: '2026-02-20', to: '2026-04-10' };

describe('analytics projections from a generated history', () => {
  let analytics: AnalyticsTestApp;

  beforeAll(async () => {
    analytics = await startAnalyticsApp('projections');
    for (let index = 0; index < published.length; index += 200) {
      await analytics.publisher.publishBatch(published.slice(index, index + 200));
    }
    await waitUntilApplied(analytics.redis);
  }, 120_000);

  afterAll(() => analytics?.close());

  const get = async <T>(url: string): Promise<T> => {
    const response = await analytics.app.inject({ method: 'GET', url, headers: authorized() });
    expect(response.statusCode).toBe(200);
    return response.json<T>();
  };

  it('generates at least 1,000 orders, cancellations and customer events, some published twice', () => {
    const types = new Set(history.events.map((event) => event.type));
    expect(history.events.length).toBeGreaterThanOrEqual(1_000);
    expect(types).toEqual(
      new Set([
        'customers.customer.registered', 'customers.customer.updated', 'customers.customer.tier-changed',
        'orders.order.placed', 'orders.order.cancelled', 'orders.order.shipped',
      ]),
    );
    expect(duplicates.length).toBeGreaterThan(10);
  });

  it('serves daily sales per currency equal to the figures computed from the events', async () => {
    const all = await get<DailySalesResponse>(`/sales/daily?from=${RANGE.from}&to=${RANGE.to}`);
    expect(all).toEqual({ ...RANGE, currency: null, days: expected.dailySalesBetween(RANGE.from, RANGE.to) });
    expect(all.days.some((day) => day.cancelledOrders > 0)).toBe(true);

    const usd = await get<DailySalesResponse>('/sales/daily?from=2026-03-05&to=2026-03-11&currency=USD');
    expect(usd.days).toEqual(expected.dailySalesBetween('2026-03-05', '2026-03-11', 'USD'));
    expect(usd.days).toHaveLength(7);
  });

  it('serves every customer value under its pseudonym, with country and tier of the newest revision', async () => {
    for (const customer of history.customers) {
      const value = await get<CustomerValueResponse>(`/customers/${customer.id}/value`);
      expect(value).toEqual(expected.customerValue(customer.id, DEVELOPMENT_PSEUDONYM_KEY));
    }
    const [first] = history.customers;
    expect(await get(`/customers/${first.id.toUpperCase()}/value`)).toEqual(await get(`/customers/${first.id}/value`));
  });

  it('ranks top products by units over a range, with revenue per currency, net of cancellations', async () => {
    const top = await get<TopProductsResponse>(`/products/top?limit=100&from=${RANGE.from}&to=${RANGE.to}`);
    expect(top).toEqual({ ...RANGE, limit: 100, products: expected.topProducts(RANGE.from, RANGE.to, 100) });
    expect(top.products.length).toBeGreaterThan(30);

    const week = await get<TopProductsResponse>('/products/top?limit=5&from=2026-03-09&to=2026-03-15');
    expect(week.products).toEqual(expected.topProducts('2026-03-09', '2026-03-15', 5));
  });

  it('keeps product sales per day, sku and currency equal to the figures computed from the events', async () => {
    const rows: Array<{ day: string; sku: string; currency: string; units: string; revenue: string }> =
      await analytics.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, sku, currency, units, revenue FROM product_sales`,
      );
    const actual = Object.fromEntries(
      rows.map((row) => [`${row.day}|${row.sku}|${row.currency}`, { ...row, units: Number(row.units), revenue: Number(row.revenue) }]),
    );
    expect(actual).toEqual(Object.fromEntries(expected.productSales));
  });

  it('counts the same event published twice once', async () => {
    const order = createEvent(orderPlaced, {
      subject: '0190f5b2-0000-7cc1-9a55-3f6f0c1d2e3a',
      data: { ...orderPlaced.example, orderId: '0190f5b2-0000-7cc1-9a55-3f6f0c1d2e3a', placedAt: '2026-05-01T10:00:00.000Z' },
    });
    await analytics.publisher.publish(order);
    await analytics.publisher.publish(order);
    await waitUntilApplied(analytics.redis);

    const sales = await get<DailySalesResponse>('/sales/daily?from=2026-05-01&to=2026-05-01');
    expect(sales.days).toEqual([
      { day: '2026-05-01', currency: 'EUR', orders: 1, revenue: 2500, cancelledOrders: 0, cancelledRevenue: 0, netRevenue: 2500 },
    ]);
    const top = await get<TopProductsResponse>('/products/top?from=2026-05-01&to=2026-05-01');
    expect(top.products).toEqual([{ sku: 'BOOK-1', units: 2, revenue: { EUR: 2500 } }]);
  });

  it('stores no customer id, name or email anywhere in its tables', async () => {
    const tables: Array<{ table_name: string }> = await analytics.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'mesh_inbox'`,
    );
    let dump = '';
    for (const { table_name } of tables) dump += JSON.stringify(await analytics.dataSource.query(`SELECT * FROM "${table_name}"`));
    expect(dump).toContain('SKU-01');
    for (const customer of history.customers.slice(0, 20)) {
      expect(dump).not.toContain(customer.id);
      expect(dump).not.toContain(customer.email);
      expect(dump).not.toContain(customer.name);
    }
  });
});
