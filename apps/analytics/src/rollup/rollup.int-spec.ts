import type { JobStatusResponse } from '@mesh/analytics-contracts';
import { salesDayClosed } from '@mesh/analytics-contracts';
import { createEvent, type EventEnvelope } from '@mesh/contract-kit';
import { eventsOnStream, eventually } from '@mesh/messaging/testing';
import { orderCancelled, orderPlaced } from '@mesh/orders-contracts';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';

import { authorized } from '../../test/access-tokens';
import { type AnalyticsTestApp, startAnalyticsApp } from '../../test/analytics-test-app';
import { waitUntilApplied } from '../../test/wait-until-applied';
import { addDays, todayUtc } from '../date-range/date-range';
import { ROLLUP_JOB, ROLLUP_QUEUE } from '../jobs/queues';

const today = todayUtc();
const yesterday = addDays(today, -1);
const twoDaysAgo = addDays(today, -2);
const CUSTOMER = '0190f5b1-2222-7cc1-9a55-3f6f0c1d2e3a';
let orderNumber = 0;

function placed(day: string, currency: string, total: number): EventEnvelope {
  orderNumber += 1;
  const orderId = `0190f5b2-0000-7000-8000-${String(orderNumber).padStart(12, '0')}`;
  const data = {
    orderId, customerId: CUSTOMER, currency, total,
    lines: [{ sku: 'A', quantity: 1, unitPrice: total }], placedAt: `${day}T10:00:00.000Z`,
  };
  return createEvent(orderPlaced, { subject: orderId, data });
}

function cancelled(order: EventEnvelope): EventEnvelope {
  const { orderId, customerId, currency, total, placedAt } = order.data as { orderId: string; customerId: string; currency: string; total: number; placedAt: string };
  const data = { orderId, customerId, currency, total, placedAt, cancelledAt: new Date().toISOString() };
  return createEvent(orderCancelled, { subject: orderId, data });
}

describe('rollup (BullMQ job)', () => {
  let analytics: AnalyticsTestApp;
  let rollupQueue: Queue;
  const cancelledYesterday = placed(yesterday, 'EUR', 700);

  beforeAll(async () => {
    analytics = await startAnalyticsApp('rollup');
    rollupQueue = analytics.app.get<Queue>(getQueueToken(ROLLUP_QUEUE));
    await analytics.publisher.publishBatch([
      placed(twoDaysAgo, 'EUR', 1_000), placed(twoDaysAgo, 'EUR', 250), placed(twoDaysAgo, 'USD', 99),
      cancelledYesterday, placed(yesterday, 'EUR', 300), cancelled(cancelledYesterday),
      placed(today, 'EUR', 5_000),
    ]);
    await waitUntilApplied(analytics.redis);
  }, 60_000);

  afterAll(() => analytics?.close());

  const runRollup = async () => {
    const job = await rollupQueue.add(ROLLUP_JOB, {});
    let status: JobStatusResponse | undefined;
    await eventually('the rollup to finish', async () => {
      status = (await analytics.app.inject({ method: 'GET', url: `/admin/jobs/${job.id}`, headers: authorized() })).json<JobStatusResponse>();
      return status.state === 'completed' || status.state === 'failed';
    }, 30_000);
    return status as JobStatusResponse;
  };
  const closedEvents = () => eventsOnStream(analytics.redis, salesDayClosed.stream);

  it('closes every finished day with sales and publishes its figures per currency through the outbox', async () => {
    const startedAt = Date.now();
    const status = await runRollup();

    expect(status).toMatchObject({ queue: 'rollup', state: 'completed', result: { closedDays: [twoDaysAgo, yesterday] } });
    await eventually('the relay to publish the closed days', async () => (await closedEvents()).length === 3);
    const closedAt = expect.any(String);
    expect((await closedEvents()).map((event) => [event.subject, event.data])).toEqual([
      [`${twoDaysAgo}/EUR`, { day: twoDaysAgo, currency: 'EUR', orders: 2, revenue: 1_250, cancelledOrders: 0, cancelledRevenue: 0, closedAt }],
      [`${twoDaysAgo}/USD`, { day: twoDaysAgo, currency: 'USD', orders: 1, revenue: 99, cancelledOrders: 0, cancelledRevenue: 0, closedAt }],
      [`${yesterday}/EUR`, { day: yesterday, currency: 'EUR', orders: 2, revenue: 1_000, cancelledOrders: 1, cancelledRevenue: 700, closedAt }],
    ]);

    const newestOrderEvent = Math.max(...(await eventsOnStream(analytics.redis, 'orders.order.v1')).map((event) => Date.parse(event.time)));
    const age = (status.result as { freshness: Record<string, number> }).freshness['orders.order.v1'];
    expect(age).toBeGreaterThanOrEqual((startedAt - newestOrderEvent) / 1000);
    expect(age).toBeLessThanOrEqual((Date.now() - newestOrderEvent) / 1000);
  }, 60_000);

  it('closes a day only once, even when late events for it arrive', async () => {
    await analytics.publisher.publish(placed(yesterday, 'EUR', 40));
    await waitUntilApplied(analytics.redis);

    const status = await runRollup();

    expect(status).toMatchObject({ state: 'completed', result: { closedDays: [] } });
    const [{ unsent }] = await analytics.dataSource.query(`SELECT count(*)::int AS unsent FROM mesh_outbox WHERE sent_at IS NULL`);
    expect(unsent).toBe(0);
    expect(await closedEvents()).toHaveLength(3);
    const sales = (await analytics.app.inject({ method: 'GET', url: `/sales/daily?from=${yesterday}&to=${yesterday}`, headers: authorized() })).json();
    expect(sales.days[0]).toMatchObject({ orders: 3, revenue: 1_040 });
  }, 60_000);

  it('records input freshness and reports it, the queue and the job durations in /metrics', async () => {
    const rows = await analytics.dataSource.query(`SELECT stream FROM input_freshness WHERE measured_at IS NOT NULL`);
    expect(rows).toEqual([{ stream: 'orders.order.v1' }]);
    const metrics = (await analytics.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/analytics_input_freshness_seconds\{stream="orders.order.v1"\} \d/);
    expect(metrics).toContain('analytics_job_duration_seconds_count{queue="rollup",name="rollup",outcome="completed"} 2');
    expect(metrics).toContain('analytics_queue_jobs{queue="rollup",state="delayed"} 1');
    expect(metrics).toContain('mesh_outbox_backlog{outbox="analytics"} 0');
  });
});
