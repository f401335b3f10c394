import type { Ledger } from '../../../../kit/src/ledger';
import type { RedisUnderTest } from '../../harness/redis/redis-under-test';

export interface OutageReport {
  /** From the fault until Redis served writes again. */
  seconds: number;
  /** The fault in words: a restart, or which master failed over to which replica and when. */
  description: string;
  /** Orders and customers the APIs accepted meanwhile (their events wait in the outboxes). */
  ordersAccepted: number;
  customersRegistered: number;
}

/**
 * Redis dies (SIGKILL: every connection drops at once): one server comes back on the same port
 * after `downMs` with what it had acknowledged (append-only file); a cluster's or Sentinel's
 * master is replaced by its replica. `whileDown` runs meanwhile, e.g. registering customers; the
 * order traffic keeps running on its own.
 */
export async function interruptRedis(
  redis: RedisUnderTest,
  ledger: Ledger,
  downMs: number,
  whileDown: () => Promise<unknown>,
): Promise<OutageReport> {
  const [ordersBefore, customersBefore] = [ledger.orders.size, ledger.customers.size];
  const fault = await redis.interrupt(downMs, whileDown);
  return {
    ...fault,
    ordersAccepted: ledger.orders.size - ordersBefore,
    customersRegistered: ledger.customers.size - customersBefore,
  };
}
