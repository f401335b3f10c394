import type { DomainApis } from '../../../kit/src/api/domain-apis';
import { describeOutcome } from '../../../kit/src/api/mesh-api';
import { figuresInCurrency } from '../../../kit/src/expected-figures';
import { Ledger } from '../../../kit/src/ledger';
import { Problems } from '../../../kit/src/problems';
import { THROUGH_GATEWAY } from '../../../kit/src/traffic/conclusive-requests';
import { registerCustomers } from '../../../kit/src/traffic/customer-registration';
import { randomOrders, seededRandom } from '../../../kit/src/traffic/order-mix';
import { OrderTraffic } from '../../../kit/src/traffic/order-traffic';
import { killOneTask, type Replacement, waitForReplacement } from '../chaos/kill-task';
import { type RollingUpdateResult, rollingUpdateUnderTraffic } from '../chaos/rolling-update';
import { ordersDuringOutage, type OutageResult } from '../chaos/store-outage';
import type { Phases } from '../report/phases';
import { seconds } from '../report/phases';
import { runChaosTraffic } from './chaos-traffic';
import { waitForExactFigures } from './figures-check';

export interface ScenarioOptions {
  readonly seed: number;
  readonly apis: DomainApis;
  /** Full Swarm names of the services that lose a task, of every domain, and of Redis. */
  readonly services: {
    readonly orders: string;
    readonly analytics: string;
    readonly domains: readonly string[];
    readonly redis: string;
    readonly postgres: string;
  };
  readonly replicas: { readonly orders: number; readonly analytics: number };
  /** Rolls `services.orders` to the new image (a stack deploy with its new tag). */
  readonly rollOrders: { readonly image: string; readonly deploy: () => Promise<void> };
  readonly fromDay: string;
  readonly log: (line: string) => void;
}

/** One currency: the figures are read in it. */
const CURRENCY = 'EUR';
/** The orders: 1–3 lines of this catalogue at its prices. */
const SWARM_ORDERS = randomOrders({
  currencies: [CURRENCY],
  products: [
    { sku: 'SWARM-KETTLE', unitPrice: 3_499 },
    { sku: 'SWARM-MUG', unitPrice: 899 },
    { sku: 'SWARM-TEA', unitPrice: 450 },
    { sku: 'SWARM-SPOON', unitPrice: 199 },
    { sku: 'SWARM-TRAY', unitPrice: 1_250 },
  ],
  maxQuantity: 4,
});
const CUSTOMERS = 12;
/** How long the orders replica may take to learn of the customers from their events. */
const FIRST_ORDERS_TIMEOUT_MS = 90_000;
const WORKERS = 6;
const TRAFFIC_MS = 30_000;
const CANCEL_SHARE = 0.25;
const REPLACEMENT_TIMEOUT_MS = 120_000;
/**
 * Customers on FerretDB takes a lock per write (two more writes to a store that runs one writer at
 * a time), so after the outage it catches up more slowly than the other domains: 120 s was not
 * always enough for the last of 12 customers with ~300 orders each, and a CI run on a busy
 * machine took 197 s (about 17 orders per customer every 30 s, steadily). A wait, not a bar: the
 * figures must still be exact.
 */
const FIGURES_TIMEOUT_MS = 360_000;
/** Longer than a domain's health check takes to mark a task unhealthy (3 × 5 s): none may be. */
const STORE_OUTAGE_MS = 20_000;

/**
 * The mesh scenario through the gateway: customers, then orders and cancellations from several
 * workers while one orders task and one analytics task are SIGKILLed; Swarm must replace both,
 * and analytics and customers must show exactly what the mesh accepted. Then orders is rolled to
 * a new image under traffic that may not see a single failed request; Redis is stopped for 20 s
 * while orders are placed, none of which may fail; PostgreSQL is stopped for 20 s while orders are
 * sent until accepted; no domain task may restart in either outage; and the figures are checked
 * again with all those orders in.
 */
export async function runSwarmScenario(phases: Phases, options: ScenarioOptions, report: string[]): Promise<void> {
  const random = seededRandom(options.seed);
  const ledger = new Ledger();
  // Any refusal ends the run: nothing is killed but what the scenario kills, and retries cover that.
  const problems = new Problems('throw');
  const traffic = new OrderTraffic(options.apis.orders, ledger, problems, {
    retry: THROUGH_GATEWAY,
    mix: SWARM_ORDERS,
    replayShare: 0,
    random,
  });
  const run: SwarmRun = { options, ledger, problems, random, report, traffic };
  report.push(`seed ${options.seed}`);
  await phases.run('customers and first orders', () => customersAndFirstOrders(run));
  await phases.run('traffic with two tasks killed', () => trafficWithTasksKilled(run));
  const settled = await phases.run('figures exact after the kills', () => figuresExact(run));
  report.push(`analytics and customers agreed with the ledger ${seconds(settled)} after the traffic`);
  await phases.run('rolling update under traffic', () => rollingUpdate(run));
  const brokerOutage = await phases.run('Redis stopped, orders go on', () =>
    storeOutage(run, options.services.redis, true),
  );
  expectNoHarm('Redis', brokerOutage, report);
  const databaseOutage = await phases.run('PostgreSQL stopped, orders wait and no task restarts', () =>
    storeOutage(run, options.services.postgres, false),
  );
  expectNoHarm('PostgreSQL', databaseOutage, report);
  await phases.run('figures exact after the update and the outage', () => figuresExact(run));
  report.push(`final: ${ledger.orders.size} orders, ${ledger.cancelledCount} cancelled, figures exact`);
}

/** What every phase of one run shares. */
interface SwarmRun {
  readonly options: ScenarioOptions;
  readonly ledger: Ledger;
  readonly problems: Problems;
  readonly traffic: OrderTraffic;
  readonly random: () => number;
  readonly report: string[];
}

/** Every domain refuses a request without a token; customers register and each places a first order. */
async function customersAndFirstOrders({ options, ledger, problems, traffic }: SwarmRun): Promise<void> {
  const { apis } = options;
  // The key set (AUTH_JWKS_FILE, a Swarm config) reached every domain: no token, no data.
  for (const api of [apis.orders, apis.customers, apis.analytics]) {
    const outcome = await api
      .anonymous()
      .call({ method: 'GET', path: api === apis.analytics ? '/products/top' : `/${api.name}` });
    if (outcome.kind !== 'answer' || outcome.status !== 401)
      throw new Error(`${api.name} without a token: ${describeOutcome(outcome)}, expected 401`);
  }
  const customers = await registerCustomers(apis.customers, ledger, problems, CUSTOMERS, {
    who: 'swarm',
    concurrency: 1,
  });
  // The orders replica learns of a customer from its event: until then an order is a 422.
  traffic.addCustomers(customers);
  await traffic.untilAllCustomersKnown(FIRST_ORDERS_TIMEOUT_MS);
}

/** Orders and cancellations from several workers while one orders task and one analytics task are killed. */
async function trafficWithTasksKilled({ options, ledger, traffic, random, report }: SwarmRun): Promise<void> {
  const { log } = options;
  const replacements: Record<string, Replacement> = {};
  const killAndWatch = (service: string, desired: number) => async () => {
    const killed = await killOneTask(service);
    log(`  docker kill ${service} task ${killed.taskId.slice(0, 12)}`);
    replacements[service] = await waitForReplacement(killed, desired, REPLACEMENT_TIMEOUT_MS);
    log(
      `  ${service}: replaced after ${seconds(replacements[service].replacedAfterMs)}; killed task ${replacements[service].killedState}`,
    );
  };
  await runChaosTraffic(traffic, ledger, random, {
    workers: WORKERS,
    durationMs: TRAFFIC_MS,
    cancelShare: CANCEL_SHARE,
    events: [
      { atMs: TRAFFIC_MS * 0.3, run: killAndWatch(options.services.orders, options.replicas.orders) },
      { atMs: TRAFFIC_MS * 0.6, run: killAndWatch(options.services.analytics, options.replicas.analytics) },
    ],
  });
  report.push(
    `accepted ${ledger.orders.size} orders (${ledger.cancelledCount} cancelled) for ${ledger.customers.size} customers; ` +
      `${traffic.counts.inconclusive} requests got no conclusive answer while tasks died and were sent again`,
    ...Object.entries(replacements).map(
      ([service, r]) => `${service}: killed task ${r.killedState}, replaced after ${seconds(r.replacedAfterMs)}`,
    ),
  );
}

function figuresExact({ options, ledger }: SwarmRun): Promise<number> {
  const expected = figuresInCurrency(ledger, CURRENCY);
  return waitForExactFigures(options.apis, expected, options.fromDay, FIGURES_TIMEOUT_MS, options.log);
}

/** orders rolled to a new image under traffic that may not see a single failed request. */
async function rollingUpdate({ options, ledger, traffic, random, report }: SwarmRun): Promise<void> {
  const update: RollingUpdateResult = await rollingUpdateUnderTraffic({
    service: options.services.orders,
    newImage: options.rollOrders.image,
    workers: 4,
    traffic,
    ledger,
    random,
    update: options.rollOrders.deploy,
  });
  report.push(
    `rolling update of ${options.services.orders} to ${options.rollOrders.image}: ${seconds(update.updateMs)}, ${update.requests} requests, ${update.failures.length} failed`,
  );
  if (update.failures.length > 0) {
    throw new Error(
      `requests failed during the rolling update (${update.failures.length}):\n    ${update.failures.slice(0, 10).join('\n    ')}`,
    );
  }
}

/** A store's service stopped for 20 s while orders are placed (`strict`: none may fail, even once). */
function storeOutage(
  { options, ledger, traffic, random }: SwarmRun,
  service: string,
  strict: boolean,
): Promise<OutageResult> {
  return ordersDuringOutage({
    service,
    strict,
    domainServices: options.services.domains,
    outageMs: STORE_OUTAGE_MS,
    // About 20 orders a second: without Redis to wait for, workers would place thousands, more
    // than the customers domain on FerretDB applies in the figures check's two minutes.
    workers: 2,
    pauseMs: 100,
    traffic,
    ledger,
    random,
  });
}

/** Reports an outage; fails on a failed first attempt (strict mode) or a task that restarted. */
function expectNoHarm(store: string, outage: OutageResult, report: string[]): void {
  report.push(
    `${store} stopped for ${seconds(outage.outageMs)}: ${outage.ordersPlaced} orders placed, ${outage.failures.length} failed, ` +
      `${outage.inconclusive} attempts refused while it was away and sent again, ` +
      `${outage.churned.length} domain tasks restarted or replaced`,
  );
  if (outage.failures.length > 0 || outage.churned.length > 0) {
    throw new Error(
      `while ${store} was down: failed requests ${outage.failures.slice(0, 10).join('; ') || 'none'}; ` +
        `tasks not running throughout ${outage.churned.join(', ') || 'none'}`,
    );
  }
}
