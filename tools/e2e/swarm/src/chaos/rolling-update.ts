import { setTimeout as sleep } from 'node:timers/promises';

import { eventually } from '../../../kit/src/eventually';
import type { Ledger } from '../../../kit/src/ledger';
import type { OrderTraffic } from '../../../kit/src/traffic/order-traffic';
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
  const customers = ledger.customerIds;
  const placeAndRead = async () => {
    const order = await traffic.placeOrder(customers[Math.floor(random() * customers.length)], { strict: true });
    if (order) await traffic.readOrder(order.id, { strict: true });
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
  const updateStatus = async () => {
    const raw = (await docker(['service', 'inspect', '--format', '{{json .UpdateStatus}}', service])).trim();
    const status = (raw === 'null' ? {} : JSON.parse(raw)) as UpdateStatus;
    // This run's update (not the one before it), completed or given up.
    const current = status.StartedAt !== undefined && Date.parse(status.StartedAt) >= since - 2_000;
    const over = current && (status.State === 'completed' || /rollback|paused/.test(status.State ?? ''));
    return { raw, status, over };
  };
  const timeoutMs = since + UPDATE_TIMEOUT_MS - Date.now();
  const { result, settled } = await eventually(updateStatus, ({ over }) => over, timeoutMs, 1_000);
  if (!settled)
    throw new Error(`${service}: update not completed within ${UPDATE_TIMEOUT_MS / 1000} s (${result.raw})`);
  if (result.status.State !== 'completed')
    throw new Error(`${service}: update ended as "${result.status.State}": ${result.status.Message ?? ''}`);
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
