import type { KillableRedisServer } from '@mesh/messaging/testing';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Ledger } from '../../../../kit/src/ledger';

export interface OutageReport {
  seconds: number;
  /** Orders and customers the APIs accepted while Redis was down (their events wait in the outboxes). */
  ordersAccepted: number;
  customersRegistered: number;
}

/**
 * Redis dies (SIGKILL: every connection drops at once) and comes back on the same port after
 * `downMs`, with what it had acknowledged (append-only file). `whileDown` runs meanwhile, e.g.
 * registering customers; the order traffic keeps running on its own.
 */
export async function interruptRedis(
  redis: KillableRedisServer,
  ledger: Ledger,
  downMs: number,
  whileDown: () => Promise<unknown>,
): Promise<OutageReport> {
  const [ordersBefore, customersBefore] = [ledger.orders.size, ledger.customers.size];
  const started = performance.now();
  await redis.kill();
  await Promise.all([sleep(downMs), whileDown()]);
  const [ordersAccepted, customersRegistered] = [
    ledger.orders.size - ordersBefore,
    ledger.customers.size - customersBefore,
  ];
  await redis.restart();
  return { seconds: (performance.now() - started) / 1_000, ordersAccepted, customersRegistered };
}
