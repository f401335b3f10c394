import type { JobStatusResponse, RebuildAcceptedResponse } from '@mesh/analytics-contracts';
import { createEvent, type EventEnvelope } from '@mesh/contract-kit';
import { readGroups, streamKeys } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { orderPlaced } from '@mesh/orders-contracts';

import { authorized } from '../../test/access-tokens';
import { type AnalyticsTestApp, startAnalyticsApp } from '../../test/analytics-test-app';
import { ExpectedProjections } from '../../test/expected-projections';
import { generateHistory } from '../../test/generated-history';
import { expectedFigures, figuresFromApi } from '../../test/projection-figures';
import { snapshotProjections } from '../../test/projection-tables-snapshot';
import { waitUntilApplied } from '../../test/wait-until-applied';
import { inputEventsConsumer } from '../ingest/input-events.consumer';
import { groupCaughtUp } from './stream-position';

const history = generateHistory({ seed: 7, customers: 40, orders: 800, firstDay: '2026-02-02', days: 14 });
const arrivingDuringRebuild = generateHistory({ seed: 8, customers: 10, orders: 150, firstDay: '2026-02-05', days: 5 });
const RANGE = { from: '2026-01-25', to: '2026-02-25' };
const BLOCKED_ORDER = '0190f5b2-0000-7000-8000-00000000b10c';
const SALES = `/sales/daily?from=${RANGE.from}&to=${RANGE.to}`;

describe('rebuild (BullMQ job)', () => {
  let analytics: AnalyticsTestApp;

  beforeAll(async () => {
    analytics = await startAnalyticsApp('rebuild');
    await publish(history.events);
    await waitUntilApplied(analytics.redis);
  }, 120_000);

  afterAll(() => analytics?.close());

  const inject = (method: 'GET' | 'POST', url: string) => analytics.app.inject({ method, url, headers: authorized() });
  const publish = async (events: readonly EventEnvelope[]) => {
    for (let index = 0; index < events.length; index += 100) await analytics.publisher.publishBatch(events.slice(index, index + 100));
  };
  const jobStatus = async (jobId: string) => (await inject('GET', `/admin/jobs/${jobId}`)).json<JobStatusResponse>();
  const exclusiveLockWaiters = async () => {
    const [{ waiting }] = await analytics.dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_locks
       WHERE locktype = 'advisory' AND mode = 'ExclusiveLock' AND NOT granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return waiting as number;
  };
  const rebuildCaughtUp = async (group: string) =>
    (await Promise.all(inputEventsConsumer.streams.map((stream) => groupCaughtUp(analytics.redis, stream, group)))).every(Boolean);
  const startRebuild = async () => {
    const response = await inject('POST', '/admin/rebuild');
    expect(response.statusCode).toBe(202);
    return response.json<RebuildAcceptedResponse>();
  };

  it('rebuilds identical tables from history while the API keeps answering from the old ones', async () => {
    const before = await snapshotProjections(analytics.dataSource);
    const salesBefore = (await inject('GET', SALES)).json();

    const { jobId, created } = await startRebuild();
    expect(created).toBe(true);
    expect(await startRebuild()).toEqual({ jobId, created: false });

    let answeredDuringRebuild = 0;
    let status = await jobStatus(jobId);
    while (status.state !== 'completed' && status.state !== 'failed') {
      const response = await inject('GET', SALES);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(salesBefore);
      const after = await jobStatus(jobId);
      if (status.state === 'active' && after.state === 'active') answeredDuringRebuild += 1;
      status = after;
    }

    expect(status).toMatchObject({ state: 'completed', progress: 100, result: { eventsReplayed: history.events.length, deadLettered: 0 } });
    expect(answeredDuringRebuild).toBeGreaterThan(0);
    expect(await snapshotProjections(analytics.dataSource)).toEqual(before);
    const progressLines = analytics.logs
      .map((line) => String(line['msg']))
      .filter((message) => message.startsWith(`rebuild ${jobId}: `))
      .map((message) => message.split(' ')[2]);
    expect(progressLines).toEqual(['0%', '10%', '20%', '30%', '40%', '50%', '60%', '70%', '80%', '90%', '100%']);
  }, 120_000);

  it('leaves no rebuild group, inbox rows or _next tables behind', async () => {
    for (const stream of inputEventsConsumer.streams) {
      expect((await readGroups(analytics.redis, streamKeys.source(stream))).map((group) => group.name)).toEqual(['analytics']);
    }
    const [{ count }] = await analytics.dataSource.query(`SELECT count(*)::int AS count FROM mesh_inbox WHERE consumer_group <> 'analytics'`);
    expect(count).toBe(0);
    expect(await analytics.dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%\\_next'`)).toEqual([]);
  });

  /**
   * The live consumer is held in the middle of a handler (a row of daily_sales locked by the test),
   * so the swap waits for it while the rebuild replays events the live consumer has not reached.
   * After the swap the live consumer applies those events to the new tables: they must count once.
   */
  it('counts once the events both the rebuild and the lagging live consumer apply around the swap', async () => {
    const blocked = createEvent(orderPlaced, {
      subject: BLOCKED_ORDER,
      data: { ...orderPlaced.example, orderId: BLOCKED_ORDER, customerId: history.customers[0].id, placedAt: '2026-02-03T12:00:00.000Z' },
    });
    const blocker = analytics.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    let jobId = '';
    try {
      await blocker.query(`SELECT 1 FROM daily_sales WHERE day = '2026-02-03' AND currency = 'EUR' FOR UPDATE`);
      await publish([blocked]);
      ({ jobId } = await startRebuild());
      await eventually('the swap to wait for the live handler', async () => (await exclusiveLockWaiters()) === 1, 60_000);
      await publish(arrivingDuringRebuild.events);
      await eventually('the rebuild to replay them', () => rebuildCaughtUp(`analytics-rebuild-${jobId}`), 60_000);
      expect((await inject('GET', SALES)).statusCode).toBe(200);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    await eventually('the rebuild to finish', async () => (await jobStatus(jobId)).state === 'completed', 60_000);
    await waitUntilApplied(analytics.redis);

    const customers = [...history.customers, ...arrivingDuringRebuild.customers].map((customer) => customer.id);
    const expected = new ExpectedProjections([...history.events, blocked, ...arrivingDuringRebuild.events]);
    expect(await figuresFromApi(analytics.app, RANGE, customers)).toEqual(expectedFigures(expected, RANGE, customers));
  }, 120_000);

  it('reports queue depth and rebuild durations in /metrics', async () => {
    const metrics = (await inject('GET', '/metrics')).body;
    expect(metrics).toContain('analytics_job_duration_seconds_count{queue="rebuild",name="rebuild",outcome="completed"} 2');
    expect(metrics).toContain('analytics_queue_jobs{queue="rebuild",state="completed"} 2');
    expect(metrics).toMatch(/analytics_queue_jobs\{queue="rollup",state="delayed"\} 1/);
  });
});
