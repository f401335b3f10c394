import { setTimeout as sleep } from 'node:timers/promises';

import { eventually } from '../../../kit/src/eventually';
import type { Ledger } from '../../../kit/src/ledger';
import type { OrderTraffic } from '../../../kit/src/traffic/order-traffic';
import { workersDuring } from '../scenario/workers-during';
import { docker } from '../shell/docker';
import { serviceTasks, type TaskRow } from '../stack/service-tasks';

export interface OutageResult {
  readonly outageMs: number;
  readonly ordersPlaced: number;
  /** First attempts that failed (counted in strict mode only). */
  readonly failures: readonly string[];
  /** Attempts answered 502/503/504 or not at all, sent again with the same Idempotency-Key. */
  readonly inconclusive: number;
  /** Domain tasks that were not running the whole time (restarted or replaced): must be none. */
  readonly churned: readonly string[];
}

const SCALE_TIMEOUT_MS = 60_000;

/**
 * Stops a store (its service scaled to zero) for `outageMs` while workers place orders through
 * the gateway, then brings it back. No domain task may be taken out or restarted: the container
 * health check asks liveness, so an outage of a store makes tasks unready (the gateway stops
 * routing to them) but never unhealthy; the same tasks must run before and after.
 * - `strict` (Redis, not part of readiness: the domains keep their events in their outboxes): every
 *   order must be accepted at its first attempt.
 * - otherwise (PostgreSQL): an order may be refused with 503 while its store is away; it is sent
 *   again with the same Idempotency-Key until accepted, so none is lost or placed twice, and the
 *   figures check afterwards counts each exactly once.
 */
export async function ordersDuringOutage(options: {
  service: string;
  strict: boolean;
  domainServices: readonly string[];
  outageMs: number;
  workers: number;
  /** Each worker's pause between orders: the customers domain on FerretDB applies about 40 a second. */
  pauseMs: number;
  traffic: OrderTraffic;
  ledger: Ledger;
  random: () => number;
}): Promise<OutageResult> {
  const { traffic, ledger, random } = options;
  const tasksBefore = await runningTasks(options.domainServices);
  const failuresBefore = traffic.counts.failedFirstAttempts.length;
  const inconclusiveBefore = traffic.counts.inconclusive;
  let ordersPlaced = 0;
  const customers = ledger.customerIds;
  const placeOne = async () => {
    const customerId = customers[Math.floor(random() * customers.length)];
    if (await traffic.placeOrder(customerId, { strict: options.strict })) ordersPlaced += 1;
    await sleep(options.pauseMs);
  };
  await scale(options.service, 0);
  const started = Date.now();
  let outageMs = 0;
  let tasksAfter = new Set<string>();
  const workers = workersDuring(options.workers, placeOne, async () => {
    await sleep(options.outageMs);
    outageMs = Date.now() - started;
    // Counted while the store is still down: a task restarted for its absence must show.
    tasksAfter = await runningTasks(options.domainServices);
    await scale(options.service, 1);
  });
  try {
    await workers;
  } finally {
    // Back in any case, also when a worker failed first.
    await scale(options.service, 1);
  }
  const churned = [...tasksBefore].filter((task) => !tasksAfter.has(task));
  churned.push(...[...tasksAfter].filter((task) => !tasksBefore.has(task)));
  return {
    outageMs,
    ordersPlaced,
    failures: traffic.counts.failedFirstAttempts.slice(failuresBefore),
    inconclusive: traffic.counts.inconclusive - inconclusiveBefore,
    churned,
  };
}

/** `service/task id` of every running task of the services. */
async function runningTasks(services: readonly string[]): Promise<Set<string>> {
  const running = new Set<string>();
  for (const service of services) {
    for (const task of await serviceTasks(service, ['desired-state=running'])) {
      if (task.currentState.startsWith('Running')) running.add(`${service}/${task.id.slice(0, 12)}`);
    }
  }
  return running;
}

/** Scales the service and waits until exactly `replicas` of its tasks run. */
async function scale(service: string, replicas: number): Promise<void> {
  await docker(['service', 'scale', '--detach', `${service}=${replicas}`]);
  const scaled = (tasks: readonly TaskRow[]) => {
    const running = tasks.filter((task) => task.currentState.startsWith('Running'));
    const stopping = running.filter((task) => task.desiredState !== 'Running');
    return running.length === replicas && stopping.length === 0;
  };
  if (!(await eventually(() => serviceTasks(service), scaled, SCALE_TIMEOUT_MS, 500)).settled)
    throw new Error(`${service}: not at ${replicas} running task(s) within ${SCALE_TIMEOUT_MS / 1000} s`);
}
