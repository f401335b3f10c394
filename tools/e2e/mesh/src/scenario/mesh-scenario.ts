import { setTimeout as sleep } from 'node:timers/promises';

import { type DomainApis, domainApis, DOMAINS } from '../../../kit/src/api/domain-apis';
import { StatusTally } from '../../../kit/src/api/status-tally';
import { eventually } from '../../../kit/src/eventually';
import { Ledger } from '../../../kit/src/ledger';
import type { Problems } from '../../../kit/src/problems';
import { registerCustomers } from '../../../kit/src/traffic/customer-registration';
import { OrderTraffic, type OrderTrafficCounts } from '../../../kit/src/traffic/order-traffic';
import { type DeadLetterFinding, findDeadLetters } from '../checks/dead-letters';
import { compareFigures, type FigureComparison } from '../checks/figures';
import { checkLiveness, type Liveness } from '../checks/liveness';
import { type FuzzOutcome, runMalformedRequests } from '../fuzz/fuzz-run';
import type { MalformedRequest } from '../fuzz/malformed-request';
import { ServiceGate } from '../fuzz/service-gate';
import type { IsolatedMesh } from '../harness/isolated-mesh';
import { crashAnalytics, type CrashReport } from './faults/analytics-crash';
import { type PoisonEvent, publishPoisonEvents } from './faults/poison-events';
import { interruptRedis, type OutageReport } from './faults/redis-outage';

/** How hard the scenario pushes; the defaults keep `npm run e2e` within a few minutes. */
export interface ScenarioSettings {
  customers: number;
  customersDuringOutage: number;
  orderWorkers: number;
  orderPauseMs: number;
  redisDownMs: number;
  analyticsDownMs: number;
  fuzzConcurrency: number;
  convergeTimeoutMs: number;
}

export const DEFAULT_SETTINGS: ScenarioSettings = {
  customers: 24,
  customersDuringOutage: 4,
  orderWorkers: 4,
  orderPauseMs: 40,
  redisDownMs: 10_000,
  analyticsDownMs: 2_000,
  fuzzConcurrency: 16,
  convergeTimeoutMs: 90_000,
};

export interface ScenarioResult {
  ledger: Ledger;
  traffic: OrderTrafficCounts;
  crash: CrashReport;
  outage: OutageReport;
  poisons: PoisonEvent[];
  deadLetters: DeadLetterFinding[];
  fuzz: FuzzOutcome;
  /** From the end of the traffic until every figure matched the ledger. */
  convergence: { seconds: number; settled: boolean; comparison: FigureComparison };
  /** The same comparison two seconds later: nothing may arrive twice late. */
  recheck: FigureComparison;
  liveness: Liveness[];
  tally: StatusTally;
  seconds: number;
}

/** What every phase of one run shares. */
interface Run {
  readonly mesh: IsolatedMesh;
  readonly settings: ScenarioSettings;
  readonly problems: Problems;
  readonly apis: DomainApis;
  readonly ledger: Ledger;
  readonly traffic: OrderTraffic;
  readonly tally: StatusTally;
  readonly log: (line: string) => void;
}

/**
 * The whole-mesh scenario (ARCHITECTURE.md section 8), through the public APIs only: customers
 * register and place orders (some replayed with their Idempotency-Key, some cancelled) while
 * analytics is SIGKILLed and restarted, Redis is down for a while, a poison event lands on each
 * input stream and thousands of malformed requests arrive. Then every figure must match what
 * the accepted requests add up to.
 */
export async function runMeshScenario(
  mesh: IsolatedMesh,
  malformed: readonly MalformedRequest[],
  settings: ScenarioSettings,
  problems: Problems,
): Promise<ScenarioResult> {
  const started = performance.now();
  const run = prepareRun(mesh, settings, problems, started);
  const gate = new ServiceGate();
  const stopFuzzing = new AbortController();
  let fuzzing: Promise<FuzzOutcome> | undefined;
  try {
    await startTraffic(run);
    const ports = new Map(DOMAINS.map((name) => [name, mesh.processes.services.get(name)?.port ?? 0]));
    fuzzing = runMalformedRequests(malformed, ports, settings.fuzzConcurrency, gate, stopFuzzing.signal);
    run.log(`${malformed.length} malformed requests start, alongside everything that follows`);
    await sleep(3_000);
    const crash = await crashAndRestartAnalytics(run, gate);
    const outage = await redisOutage(run);
    const poisons = await publishPoisonEvents(mesh.stores.redis.target);
    run.log(`poison events on ${poisons.map((poison) => poison.stream).join(', ')}`);
    const fuzz = await endTraffic(run, fuzzing);
    const { convergence, recheck } = await waitForFigures(run);
    const deadLetters = await deadLettersOf(run, poisons);
    const liveness = await checkLiveness(mesh.processes);
    const seconds = (performance.now() - started) / 1_000;
    return {
      ledger: run.ledger,
      traffic: run.traffic.counts,
      crash,
      outage,
      poisons,
      deadLetters,
      fuzz,
      convergence,
      recheck,
      liveness,
      tally: run.tally,
      seconds,
    };
  } finally {
    // On a failure half-way, nothing keeps sending to services that are about to be stopped.
    stopFuzzing.abort();
    await run.traffic.stop();
    await fuzzing?.catch(() => undefined);
  }
}

function prepareRun(mesh: IsolatedMesh, settings: ScenarioSettings, problems: Problems, started: number): Run {
  const tally = new StatusTally();
  const { processes } = mesh;
  const apis = domainApis((domain) => processes.url(domain), { token: mesh.token, tally });
  const ledger = new Ledger();
  const traffic = new OrderTraffic(apis.orders, ledger, problems, {
    workers: settings.orderWorkers,
    pauseMs: settings.orderPauseMs,
  });
  const log = (line: string) =>
    console.log(`e2e: [${((performance.now() - started) / 1_000).toFixed(1).padStart(5)} s] ${line}`);
  return { mesh, settings, problems, apis, ledger, traffic, tally, log };
}

/** Customers register; once the orders domain knows them all, order traffic starts. */
async function startTraffic({ settings, apis, ledger, problems, traffic, log }: Run): Promise<void> {
  log(`registering ${settings.customers} customers`);
  traffic.addCustomers(await registerCustomers(apis.customers, ledger, problems, settings.customers));
  await traffic.untilAllCustomersKnown(30_000);
  log(`the orders domain knows all of them; order traffic starts (${settings.orderWorkers} clients)`);
  traffic.start();
}

async function crashAndRestartAnalytics({ mesh, settings, ledger, log }: Run, gate: ServiceGate): Promise<CrashReport> {
  log(`SIGKILL analytics (${ledger.orders.size} orders so far)`);
  const crash = await crashAnalytics(mesh.processes, mesh.stores.redis.target, settings.analyticsDownMs, gate);
  log(`analytics is back after ${crash.downSeconds.toFixed(1)} s`);
  await sleep(2_000);
  return crash;
}

/** The Redis fault (down, or a failover) while orders are placed and customers register. */
async function redisOutage({ mesh, settings, apis, ledger, problems, traffic, log }: Run): Promise<OutageReport> {
  log(
    mesh.stores.redis.mode === 'single'
      ? `Redis down for ${settings.redisDownMs / 1_000} s while orders are placed`
      : `SIGKILL of the ${mesh.stores.redis.mode}'s master of the orders stream while orders are placed`,
  );
  const outage = await interruptRedis(mesh.stores.redis, ledger, settings.redisDownMs, async () => {
    traffic.addCustomers(
      await registerCustomers(apis.customers, ledger, problems, settings.customersDuringOutage, { concurrency: 1 }),
    );
  });
  log(
    `Redis is back (${outage.description}); accepted meanwhile: ${outage.ordersAccepted} orders, ${outage.customersRegistered} customers`,
  );
  return outage;
}

/** The customers registered during the outage reach orders, the malformed requests end, then the traffic. */
async function endTraffic(
  { ledger, problems, traffic, log }: Run,
  fuzzing: Promise<FuzzOutcome>,
): Promise<FuzzOutcome> {
  await traffic.untilAllCustomersKnown(60_000).catch((error: unknown) => {
    // The scenario goes on (their orders are simply not placed) so that every other figure is still checked.
    problems.add(
      `customers registered while Redis was down did not reach the orders domain: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const fuzz = await fuzzing;
  log(
    `malformed requests done: ${fuzz.sent} in ${fuzz.seconds.toFixed(1)} s, ${fuzz.failureCount} not refused properly`,
  );
  await sleep(2_000);
  await traffic.stop();
  log(
    `traffic stopped: ${ledger.orders.size} orders accepted, ${ledger.cancelledCount} cancelled; waiting for every figure to match`,
  );
  return fuzz;
}

/** Until every figure matches the ledger, then once more two seconds later: nothing may arrive twice, late. */
async function waitForFigures({
  settings,
  apis,
  ledger,
  log,
}: Run): Promise<Pick<ScenarioResult, 'convergence' | 'recheck'>> {
  const convergence = await eventually(
    () => compareFigures(apis, ledger),
    (comparison) => comparison.differences.length === 0,
    settings.convergeTimeoutMs,
    1_000,
  );
  log(
    convergence.settled
      ? `figures match after ${convergence.seconds.toFixed(1)} s`
      : `figures still differ after ${convergence.seconds.toFixed(0)} s`,
  );
  await sleep(2_000);
  const recheck = await compareFigures(apis, ledger);
  return {
    convergence: { seconds: convergence.seconds, settled: convergence.settled, comparison: convergence.result },
    recheck,
  };
}

async function deadLettersOf({ mesh }: Run, poisons: readonly PoisonEvent[]): Promise<DeadLetterFinding[]> {
  const found = await eventually(
    () => findDeadLetters(mesh.stores.redis.target, poisons),
    (findings) => findings.length > 0 && findings.every((finding) => finding.reason !== undefined),
    20_000,
  );
  return found.result;
}
