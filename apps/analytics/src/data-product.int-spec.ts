import { analyticsProduct, salesDayClosed } from '@mesh/analytics-contracts';
import type { DataProductDocument } from '@mesh/contract-kit';
import { CUSTOMER_STREAM } from '@mesh/customers-contracts';
import { streamKeys } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { ORDER_STREAM } from '@mesh/orders-contracts';

import { type AnalyticsTestApp, startAnalyticsApp } from '../test/analytics-test-app';
import { generateHistory } from '../test/generated-history';
import { waitUntilApplied } from '../test/wait-until-applied';

jest.setTimeout(90_000);

let analytics: AnalyticsTestApp;

beforeAll(async () => {
  analytics = await startAnalyticsApp('product');
});

afterAll(() => analytics?.close());

/** The well-known document, asked for without a token as the catalog does. */
async function dataProduct(): Promise<DataProductDocument> {
  const response = await analytics.app.inject({ method: 'GET', url: '/.well-known/data-product' });
  expect(response.statusCode).toBe(200);
  return response.json<DataProductDocument>();
}

const inputOf = (document: DataProductDocument, stream: string) =>
  document.status.inputs.find((input) => input.stream === stream);

describe('GET /.well-known/data-product of analytics', () => {
  it('shows both inputs moving as events are applied, every promise kept once caught up', async () => {
    expect((await analytics.app.inject({ method: 'GET', url: '/sales/daily' })).statusCode).toBe(401);
    const before = await dataProduct();
    expect(before.manifest).toEqual(analyticsProduct.manifest);
    expect(before.status.inputs.map((input) => [input.stream, input.group, input.lastDeliveredAt])).toEqual([
      [ORDER_STREAM, 'analytics', null],
      [CUSTOMER_STREAM, 'analytics', null],
    ]);
    expect(before.status.outputs).toEqual([{ stream: salesDayClosed.stream, length: 0, groups: [] }]);

    const history = generateHistory({ seed: 7, customers: 4, orders: 12, firstDay: '2026-01-05', days: 2 });
    await analytics.publisher.publishBatch(history.events);
    await waitUntilApplied(analytics.redis);

    const after = await dataProduct();
    for (const stream of [ORDER_STREAM, CUSTOMER_STREAM]) {
      expect(inputOf(after, stream)).toMatchObject({ lag: 0, pending: 0, deadLetters: 0, behindSeconds: 0 });
      expect(Date.parse(inputOf(after, stream)?.lastDeliveredAt ?? '')).toBeGreaterThan(Date.parse(before.status.measuredAt) - 1_000);
    }
    expect(after.status.freshnessSeconds).toBe(0);
    expect(after.status.serviceLevels.filter((level) => !level.kept)).toEqual([]);
  });

  it('counts a dead letter on the input that had it, and only there', async () => {
    await analytics.redis.xadd(streamKeys.source(CUSTOMER_STREAM), '*', 'not', 'an event');
    await eventually('the dead letter counted', async () => inputOf(await dataProduct(), CUSTOMER_STREAM)?.deadLetters === 1);
    const document = await dataProduct();
    expect(inputOf(document, ORDER_STREAM)?.deadLetters).toBe(0);
    expect(document.status.serviceLevels.filter((level) => !level.kept).map((level) => level.name)).toEqual([
      `dead-letters:${CUSTOMER_STREAM}`,
    ]);
  });
});
