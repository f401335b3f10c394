import { setTimeout as sleep } from 'node:timers/promises';

import type { Ledger } from '../scenario/ledger';
import type { OrderTraffic } from '../scenario/order-traffic';
import { workersDuring } from '../scenario/workers-during';
import { docker } from '../shell/docker';
import { serviceTasks } from '../stack/service-tasks';

export interface RollingUpdateResult {
  readonly updateMs: number;
  readonly requests: number;
  readonly failures: readonly string[];
}

interface UpdateStatus {
  State?: string;
  StartedAt?: string;
  Message?: string;
}

const UPDATE_TIMEOUT_MS = 180_000;
/** Traffic goes on this long after the update completed: the old tasks' drain is over by then. */
const SETTLE_MS = 5_000;

/**
 * Runs `update` (a stack deploy with a new image tag for `service`) while workers keep placing and
 * reading orders, each request sent once: every one that does not succeed at its first attempt
 * is a failure. Waits for Swarm to report the update completed and checks that every running
 * task runs the new image.
 */
export async function rollingUpdateUnderTraffic(options: {
  service: string;
  newImage: string;
  workers: number;
  traffic: OrderTraffic;
  ledger: Ledger;
  random: () => number;
  update: () => Promise<void>;
}): Promise<RollingUpdateResult> {
  const { traffic, ledger, random } = options;
  const failuresBefore = traffic.counts.failedFirstAttempts.length;
  let requests = 0;
  const placeAndRead = async () => {
    const customerId = ledger.customers[Math.floor(random() * ledger.customers.length)];
    const order = await traffic.placeOrder(customerId, { strict: true });
    await traffic.readOrder(order.id, { strict: true });
    requests += 2;
  };
  const started = Date.now();
  const updateMs = await workersDuring(options.workers, placeAndRead, async () => {
    await options.update();
    await waitForCompletedUpdate(options.service, started);
    const completedAfter = Date.now() - started;
    await expectImage(options.service, options.newImage);
    await sleep(SETTLE_MS);
    return completedAfter;
  });
  return { updateMs, requests, failures: traffic.counts.failedFirstAttempts.slice(failuresBefore) };
}

async function waitForCompletedUpdate(service: string, since: number): Promise<void> {
  for (;;) {
    const raw = (await docker(['service', 'inspect', '--format', '{{json .UpdateStatus}}', service])).trim();
    const status = (raw === 'null' ? {} : JSON.parse(raw)) as UpdateStatus;
    const current = status.StartedAt !== undefined && Date.parse(status.StartedAt) >= since - 2_000;
    if (current && status.State === 'completed') return;
    if (current && status.State && /rollback|paused/.test(status.State)) {
      throw new Error(`${service}: update ended as "${status.State}": ${status.Message ?? ''}`);
    }
    if (Date.now() - since > UPDATE_TIMEOUT_MS) {
      throw new Error(`${service}: update not completed within ${UPDATE_TIMEOUT_MS / 1000} s (${raw})`);
    }
    await sleep(1_000);
  }
}

async function expectImage(service: string, image: string): Promise<void> {
  const running = await serviceTasks(service, ['desired-state=running']);
  const stale = running.filter((task) => !task.image.startsWith(image));
  if (running.length === 0 || stale.length > 0) {
    throw new Error(
      `${service}: after the update, tasks run ${running.map((task) => task.image).join(', ')}; expected ${image}`,
    );
  }
}
