import { setTimeout as sleep } from 'node:timers/promises';

import type { Ledger } from '../../../kit/src/ledger';
import type { OrderTraffic } from '../../../kit/src/traffic/order-traffic';

export interface TrafficPlan {
  readonly workers: number;
  readonly durationMs: number;
  /** Share of placed orders that are cancelled right after. */
  readonly cancelShare: number;
  /** Things to do at given times after the start (the kills), while the traffic goes on. */
  readonly events: readonly { readonly atMs: number; readonly run: () => Promise<void> }[];
}

/**
 * Concurrent workers place orders for random customers of the ledger and cancel some, for the
 * planned time, while the planned events happen. Resolves when the workers and the events have
 * all finished; the first error of either rejects.
 */
export async function runChaosTraffic(
  traffic: OrderTraffic,
  ledger: Ledger,
  random: () => number,
  plan: TrafficPlan,
): Promise<void> {
  const end = Date.now() + plan.durationMs;
  let failed = false;
  const customers = ledger.customerIds;
  const worker = async () => {
    while (Date.now() < end && !failed) {
      const order = await traffic.placeOrder(customers[Math.floor(random() * customers.length)]);
      if (order && random() < plan.cancelShare) await traffic.cancelOrder(order.id);
    }
  };
  const events = plan.events.map(async (event) => {
    await sleep(event.atMs);
    if (!failed) await event.run();
  });
  // Every task runs to its end (the others stop at the first failure) before the first error is thrown.
  const results = await Promise.allSettled(
    [...Array.from({ length: plan.workers }, worker), ...events].map((task) =>
      task.catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}
