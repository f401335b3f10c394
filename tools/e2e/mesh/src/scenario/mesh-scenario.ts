import { setTimeout as sleep } from 'node:timers/promises';

import { JsonApi } from '../api/json-api';
import { StatusTally } from '../api/status-tally';
import { type DeadLetterFinding, findDeadLetters } from '../checks/dead-letters';
import { compareFigures, type DomainApis, type FigureComparison } from '../checks/figures';
import { checkLiveness, type Liveness } from '../checks/liveness';
import { type FuzzOutcome, runMalformedRequests } from '../fuzz/fuzz-run';
import type { MalformedRequest } from '../fuzz/malformed-request';
import { ServiceGate } from '../fuzz/service-gate';
import type { IsolatedMesh } from '../harness/isolated-mesh';
import { DOMAINS } from '../harness/mesh-processes';
import { registerCustomers } from './customer-registration';
import { eventually } from './eventually';
import { type CrashReport, crashAnalytics } from './faults/analytics-crash';
import { type PoisonEvent, publishPoisonEvents } from './faults/poison-events';
import { interruptRedis, type OutageReport } from './faults/redis-outage';
import { Ledger } from './ledger';
import { OrderTraffic, type OrderTrafficCounts } from './order-traffic';
import type { Problems } from './problems';

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

const log = (started: number, line: string) =>
  console.log(`e2e: [${((performance.now() - started) / 1_000).toFixed(1).padStart(5)} s] ${line}`);

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
  const { processes, stores } = mesh;
  const tally = new StatusTally();
  const apis: DomainApis = {
    orders: new JsonApi(processes.url('orders'), mesh.token, tally),
    customers: new JsonApi(processes.url('customers'), mesh.token, tally),
    analytics: new JsonApi(processes.url('analytics'), mesh.token, tally),
  };
  const ledger = new Ledger();

  log(started, `registering ${settings.customers} customers`);
  const traffic = new OrderTraffic(apis.orders, ledger, problems, {
    workers: settings.orderWorkers,
    pauseMs: settings.orderPauseMs,
  });
  const gate = new ServiceGate();
  const stopFuzzing = new AbortController();
  let fuzzing: Promise<FuzzOutcome> | undefined;
  try {
    traffic.addCustomers(await registerCustomers(apis.customers, ledger, problems, settings.customers));
    await traffic.untilAllCustomersKnown(30_000);
    log(started, `the orders domain knows all of them; order traffic starts (${settings.orderWorkers} clients)`);
    traffic.start();
    const ports = new Map(DOMAINS.map((name) => [name, processes.services.get(name)?.port ?? 0]));
    fuzzing = runMalformedRequests(malformed, ports, settings.fuzzConcurrency, gate, stopFuzzing.signal);
    log(started, `${malformed.length} malformed requests start, alongside everything that follows`);
    await sleep(3_000);

    log(started, `SIGKILL analytics (${ledger.orders.size} orders so far)`);
    const crash = await crashAnalytics(processes, stores.redis.url, settings.analyticsDownMs, gate);
    log(started, `analytics is back after ${crash.downSeconds.toFixed(1)} s`);
    await sleep(2_000);

    log(started, `Redis down for ${settings.redisDownMs / 1_000} s while orders are placed`);
    const outage = await interruptRedis(stores.redis, ledger, settings.redisDownMs, async () => {
      traffic.addCustomers(
        await registerCustomers(apis.customers, ledger, problems, settings.customersDuringOutage, 1),
      );
    });
    log(
      started,
      `Redis is back; accepted meanwhile: ${outage.ordersAccepted} orders, ${outage.customersRegistered} customers`,
    );

    const poisons = await publishPoisonEvents(stores.redis.url);
    log(started, `poison events on ${poisons.map((poison) => poison.stream).join(', ')}`);
    await traffic.untilAllCustomersKnown(60_000).catch((error: unknown) => {
      // The scenario goes on (their orders are simply not placed) so that every other figure is still checked.
      problems.add(
        `customers registered while Redis was down did not reach the orders domain: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    const fuzz = await fuzzing;
    log(
      started,
      `malformed requests done: ${fuzz.sent} in ${fuzz.seconds.toFixed(1)} s, ${fuzz.failureCount} not refused properly`,
    );
    await sleep(2_000);
    await traffic.stop();
    log(
      started,
      `traffic stopped: ${ledger.orders.size} orders accepted, ${ledger.cancelledCount} cancelled; waiting for every figure to match`,
    );

    const convergence = await eventually(
      () => compareFigures(apis, ledger),
      (comparison) => comparison.differences.length === 0,
      settings.convergeTimeoutMs,
      1_000,
    );
    log(
      started,
      convergence.settled
        ? `figures match after ${convergence.seconds.toFixed(1)} s`
        : `figures still differ after ${convergence.seconds.toFixed(0)} s`,
    );
    await sleep(2_000);
    const recheck = await compareFigures(apis, ledger);
    const deadLetters = (
      await eventually(
        () => findDeadLetters(stores.redis.url, poisons),
        (findings) => findings.length > 0 && findings.every((finding) => finding.reason !== undefined),
        20_000,
      )
    ).result;
    const liveness = await checkLiveness(processes);
    const seconds = (performance.now() - started) / 1_000;
    return {
      ledger,
      traffic: traffic.counts,
      crash,
      outage,
      poisons,
      deadLetters,
      fuzz,
      convergence: { seconds: convergence.seconds, settled: convergence.settled, comparison: convergence.result },
      recheck,
      liveness,
      tally,
      seconds,
    };
  } finally {
    // On a failure half-way, nothing keeps sending to services that are about to be stopped.
    stopFuzzing.abort();
    await traffic.stop();
    await fuzzing?.catch(() => undefined);
  }
}
