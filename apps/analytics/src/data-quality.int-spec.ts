import { salesDayClosed } from '@mesh/analytics-contracts';
import { createEvent, type DataProductDocument, encodeStreamEntry, type QualityRuleResult } from '@mesh/contract-kit';
import { streamKeys } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';

import { type AnalyticsTestApp, startAnalyticsApp } from '../test/analytics-test-app';
import { generateHistory } from '../test/generated-history';
import { waitUntilApplied } from '../test/wait-until-applied';
import { addDays, todayUtc } from './date-range/date-range';
import { DayClosing } from './rollup/day-closing.service';

jest.setTimeout(90_000);

let analytics: AnalyticsTestApp;

beforeAll(async () => {
  // Every request checks the rules again, so that the test sees an entry as soon as it is on the stream.
  analytics = await startAnalyticsApp('quality', { DATA_QUALITY_MAX_AGE_MS: '0' });
});

afterAll(() => analytics?.close());

async function dataProduct(): Promise<DataProductDocument> {
  const response = await analytics.app.inject({ method: 'GET', url: '/.well-known/data-product' });
  expect(response.statusCode).toBe(200);
  return response.json<DataProductDocument>();
}

const rule = (document: DataProductDocument, id: string): QualityRuleResult | undefined =>
  document.status.quality?.rules.find((result) => result.id === id);

const salesKey = streamKeys.source(salesDayClosed.stream);

describe('the analytics data-quality rules on live data', () => {
  it('keeps every rule on days projected from real order events and closed by the rollup', async () => {
    const history = generateHistory({ seed: 11, customers: 4, orders: 20, firstDay: addDays(todayUtc(), -3), days: 2 });
    await analytics.publisher.publishBatch(history.events);
    await waitUntilApplied(analytics.redis);
    const closed = await analytics.app.get(DayClosing).closeFinishedDays(new Date());
    expect(closed.length).toBeGreaterThan(0);
    await eventually('the closed days on the sales stream', async () => (await analytics.redis.xlen(salesKey)) > 0, 30_000);

    const document = await dataProduct();
    expect(document.status.quality?.rules.filter((result) => !result.kept)).toEqual([]);
    expect(rule(document, 'closed-day-cancellations-within-sales')?.sampled).toBe(await analytics.redis.xlen(salesKey));
    expect(rule(document, 'net-revenue-is-revenue-minus-cancelled')).toMatchObject({ target: 'api:daily-sales', kept: true });
    expect(rule(document, 'net-revenue-is-revenue-minus-cancelled')?.sampled).toBeGreaterThan(0);
  });

  it('breaks the rule, in the document and as a service level, on a closed day with more cancelled than sold', async () => {
    const day = addDays(todayUtc(), -10);
    const impossible = createEvent(salesDayClosed, {
      subject: `${day}/USD`,
      data: { day, currency: 'USD', orders: 2, revenue: 1_000, cancelledOrders: 3, cancelledRevenue: 1_500, closedAt: new Date().toISOString() },
    });
    // Straight onto the stream, past the rollup, as a faulty producer would.
    await analytics.redis.xadd(salesKey, '*', ...encodeStreamEntry(impossible));

    const document = await dataProduct();
    expect(rule(document, 'closed-day-cancellations-within-sales')).toMatchObject({ failed: 1, failing: [impossible.id], kept: false });
    expect(document.status.serviceLevels.find((level) => level.name === 'quality:closed-day-cancellations-within-sales')?.kept).toBe(false);
    expect(rule(document, 'day-closed-once-per-currency')?.kept).toBe(true);
  });
});
