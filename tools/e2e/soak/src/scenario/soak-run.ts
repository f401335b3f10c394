import { setTimeout as sleep } from 'node:timers/promises';

import { domainApis } from '../../../kit/src/api/domain-apis';
import { StatusTally } from '../../../kit/src/api/status-tally';
import { eventually } from '../../../kit/src/eventually';
import { Ledger } from '../../../kit/src/ledger';
import type { Problems } from '../../../kit/src/problems';
import { registerCustomers } from '../../../kit/src/traffic/customer-registration';
import { OrderTraffic, type OrderTrafficCounts } from '../../../kit/src/traffic/order-traffic';
import { compareFigures, type FigureComparison } from '../../../mesh/src/checks/figures';
import type { IsolatedMesh } from '../../../mesh/src/harness/isolated-mesh';
import { publishPoisonEvents } from '../../../mesh/src/scenario/faults/poison-events';
import type { RunEvent } from '../report/svg-chart';
import { sampleCollectedMemory, sampleProcesses } from '../samples/process-sample';
import { sampleRedis } from '../samples/redis-sample';
import { SeriesTable } from '../samples/series-table';
import { sampleCustomers, samplePostgres } from '../samples/store-sample';
import type { SoakSettings } from '../soak-settings';
import { faultPlan, type PlannedFault } from './fault-plan';
import { ReplicaFleet, slotName } from './replica-fleet';

export interface SoakResult {
  table: SeriesTable;
  events: RunEvent[];
  runSeconds: number;
  ledger: Ledger;
  traffic: OrderTrafficCounts;
  tally: StatusTally;
  /** From the end of the traffic until every figure matched the ledger. */
  convergence: { seconds: number; settled: boolean; comparison: FigureComparison };
  /** Samplers that could not read their store at some sample (a store being restarted), with how often. */
  samplingGaps: Map<string, number>;
  crashes: string[];
}

/**
 * The soak (#15 point 6): two replicas of every domain under steady order traffic for the whole
 * run, while the fault plan kills replicas and restarts the stores, sampled every
 * `sampleEverySeconds`. Ends with the e2e's exact-figures check.
 */
export async function runSoak(
  mesh: IsolatedMesh,
  settings: SoakSettings,
  problems: Problems,
  log: (line: string) => void,
  interrupted: AbortSignal,
): Promise<SoakResult> {
  const fleet = new ReplicaFleet(mesh.replicaSets, mesh.inspectorPorts);
  const tally = new StatusTally();
  const apis = domainApis((domain) => () => fleet.nextUrl(domain), { token: mesh.token, tally });
  const ledger = new Ledger();
  const traffic = new OrderTraffic(apis.orders, ledger, problems, {
    workers: settings.orderWorkers,
    pauseMs: settings.orderPauseMs,
    maxOpenOrders: settings.maxOpenOrders,
  });

  traffic.addCustomers(await registerCustomers(apis.customers, ledger, problems, settings.customers));
  await traffic.untilAllCustomersKnown(60_000);
  log(`${settings.customers} customers registered; steady order traffic starts for ${settings.minutes} min`);
  traffic.start();
  const runSeconds = settings.minutes * 60;
  const table = new SeriesTable();
  const events: RunEvent[] = [];
  const samplingGaps = new Map<string, number>();
  try {
    await driveAndSample({ mesh, fleet, settings, runSeconds, table, events, samplingGaps, log, interrupted });
  } finally {
    await traffic.stop();
  }
  if (interrupted.aborted) throw new Error('interrupted before the end of the run');
  log(`traffic stopped: ${ledger.orders.size} orders accepted, ${ledger.cancelledCount} cancelled; checking figures`);
  const convergence = await eventually(
    () => compareFigures(apis, ledger),
    (comparison) => comparison.differences.length === 0,
    120_000,
    2_000,
  );
  return {
    table,
    events,
    runSeconds,
    ledger,
    traffic: traffic.counts,
    tally,
    convergence: { seconds: convergence.seconds, settled: convergence.settled, comparison: convergence.result },
    samplingGaps,
    crashes: fleet.crashes,
  };
}

interface DriveContext {
  mesh: IsolatedMesh;
  fleet: ReplicaFleet;
  settings: SoakSettings;
  runSeconds: number;
  table: SeriesTable;
  events: RunEvent[];
  samplingGaps: Map<string, number>;
  log: (line: string) => void;
  interrupted: AbortSignal;
}

/** Runs the fault plan (one fault at a time, in order) and samples on schedule until the run's end. */
async function driveAndSample(context: DriveContext): Promise<void> {
  const { fleet, settings, runSeconds, log } = context;
  const plan = faultPlan(runSeconds, settings.killEverySeconds, fleet.killableSlots);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1_000;
  let faults: Promise<void> = Promise.resolve();
  let nextSample = 0;
  while (elapsed() < runSeconds + 1 && !context.interrupted.aborted) {
    const now = elapsed();
    while (plan.length > 0 && plan[0].at <= now && !context.interrupted.aborted) {
      const fault = plan.shift() as PlannedFault;
      faults = faults.then(() => inject(context, fault, elapsed));
    }
    if (now >= nextSample) {
      await sample(context, Math.round(now));
      nextSample += settings.sampleEverySeconds;
      if (nextSample % 60 === 0) log(`${Math.round(now / 60)} min: ${summaryLine(context.table)}`);
    }
    await sleep(250);
  }
  await faults;
}

async function inject(context: DriveContext, fault: PlannedFault, elapsed: () => number): Promise<void> {
  const { fleet, mesh, settings, events, log } = context;
  const at = Math.round(elapsed());
  if (fault.kind === 'kill-replica') {
    const seconds = await fleet.killAndRestart(fault.slot);
    events.push({
      at,
      kind: 'replica',
      label: `${slotName(fault.slot)} killed, ready again in ${seconds.toFixed(1)} s`,
    });
    log(`SIGKILL ${slotName(fault.slot)}: ready again in ${seconds.toFixed(1)} s`);
  } else if (fault.kind === 'restart-redis') {
    await mesh.stores.redis.interrupt(settings.storeDownMs, async () => undefined);
    events.push({ at, kind: 'store', label: 'Redis restarted' });
    log(`Redis killed and restarted after ${settings.storeDownMs / 1_000} s`);
  } else if (fault.kind === 'restart-mongo') {
    const mongo = mesh.stores.mongo;
    if (!mongo) throw new Error('the soak needs a MongoDB-compatible server of its own (ownMongo)');
    await mongo.kill();
    await sleep(settings.storeDownMs);
    await mongo.restart();
    events.push({ at, kind: 'store', label: `${mongo.kind} restarted` });
    log(`${mongo.kind} killed and restarted after ${settings.storeDownMs / 1_000} s`);
  } else {
    await publishPoisonEvents(mesh.stores.redis.target).catch(() => undefined);
  }
}

/** One sample of every series; a store that cannot be read now (being restarted) leaves a gap. */
async function sample(context: DriveContext, at: number): Promise<void> {
  const { mesh, fleet, table, samplingGaps } = context;
  table.sampleAt(at);
  const env = mesh.stores.env;
  const samplers: Array<[string, () => Promise<void>]> = [
    ['Redis', () => sampleRedis(env['REDIS_URL'], table)],
    [
      'PostgreSQL',
      () => samplePostgres({ orders: env['ORDERS_DATABASE_URL'], analytics: env['ANALYTICS_DATABASE_URL'] }, table),
    ],
    ['MongoDB-compatible store', () => sampleCustomers(env['CUSTOMERS_MONGODB_URL'], table)],
    ['processes', () => sampleProcesses(fleet, table)],
  ];
  // A full collection every few samples only: each pauses the process it measures.
  const collectEvery = Math.round(context.settings.collectEverySeconds / context.settings.sampleEverySeconds);
  if ((table.sampleTimes.length - 1) % collectEvery === 0)
    samplers.push(['memory after a full collection', () => sampleCollectedMemory(fleet, table)]);
  for (const [name, run] of samplers) {
    try {
      await run();
    } catch {
      samplingGaps.set(name, (samplingGaps.get(name) ?? 0) + 1);
    }
  }
}

function summaryLine(table: SeriesTable): string {
  const latest = (name: string) => table.series.find((series) => series.name === name)?.points.at(-1)?.value;
  const memory = latest('redis used_memory');
  const orders = latest('stream {orders.order.v1}');
  const inbox = latest('analytics mesh_inbox rows');
  return `Redis ${memory === undefined ? '?' : (memory / 1_048_576).toFixed(1)} MiB, {orders.order.v1} ${orders ?? '?'} entries, analytics inbox ${inbox ?? '?'} rows`;
}
