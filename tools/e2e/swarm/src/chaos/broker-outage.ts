import { setTimeout as sleep } from 'node:timers/promises';

import type { Ledger } from '../scenario/ledger';
import type { OrderTraffic } from '../scenario/order-traffic';
import { workersDuring } from '../scenario/workers-during';
import { docker } from '../shell/docker';
import { serviceTasks } from '../stack/service-tasks';

export interface BrokerOutageResult {
  readonly outageMs: number;
  readonly ordersPlaced: number;
  readonly failures: readonly string[];
  /** Domain tasks that were not running the whole time (restarted or replaced): must be none. */
  readonly churned: readonly string[];
}

const SCALE_TIMEOUT_MS = 60_000;

/**
 * Stops Redis (its service scaled to zero) for `outageMs` while workers place orders through the
 * gateway, each sent once, then brings it back. The domains keep their events in their outboxes,
 * so every order must be accepted, and since Redis is not part of their readiness no domain task
 * may be taken out or restarted: the same tasks must run before and after.
 */
export async function ordersDuringBrokerOutage(options: {
  redisService: string;
  domainServices: readonly string[];
  outageMs: number;
  workers: number;
  /** Each worker's pause between orders: the customers domain on FerretDB applies about 40 a second. */
  pauseMs: number;
  traffic: OrderTraffic;
  ledger: Ledger;
  random: () => number;
}): Promise<BrokerOutageResult> {
  const { traffic, ledger, random } = options;
  const tasksBefore = await runningTasks(options.domainServices);
  const failuresBefore = traffic.counts.failedFirstAttempts.length;
  let ordersPlaced = 0;
  const placeOne = async () => {
    const customerId = ledger.customers[Math.floor(random() * ledger.customers.length)];
    await traffic.placeOrder(customerId, { strict: true });
    ordersPlaced += 1;
    await sleep(options.pauseMs);
  };
  await scale(options.redisService, 0);
  const started = Date.now();
  let outageMs: number;
  let tasksAfter: Set<string>;
  try {
    await workersDuring(options.workers, placeOne, () => sleep(options.outageMs));
    outageMs = Date.now() - started;
    // Counted while Redis is still down: a task restarted for its absence must show.
    tasksAfter = await runningTasks(options.domainServices);
  } finally {
    await scale(options.redisService, 1);
  }
  const churned = [...tasksBefore].filter((task) => !tasksAfter.has(task));
  churned.push(...[...tasksAfter].filter((task) => !tasksBefore.has(task)));
  return { outageMs, ordersPlaced, failures: traffic.counts.failedFirstAttempts.slice(failuresBefore), churned };
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
  const deadline = Date.now() + SCALE_TIMEOUT_MS;
  for (;;) {
    const tasks = await serviceTasks(service);
    const running = tasks.filter((task) => task.currentState.startsWith('Running'));
    const stopping = tasks.filter((task) => task.desiredState !== 'Running' && task.currentState.startsWith('Running'));
    if (running.length === replicas && stopping.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`${service}: not at ${replicas} running task(s) within ${SCALE_TIMEOUT_MS / 1000} s`);
    }
    await sleep(500);
  }
}
