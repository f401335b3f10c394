import { ORDER_STREAM } from '@mesh/orders-contracts';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ServiceGate } from '../../fuzz/service-gate';
import type { MeshProcesses } from '../../harness/mesh-processes';
import { groupsOf } from '../stream-groups';

export interface CrashReport {
  /** Entries of orders.order.v1 the analytics group had been given but not acknowledged when it died. */
  pendingAtKill: number;
  /** Entries not yet delivered to it then. */
  lagAtKill: number | null;
  /** From the kill until the new process answered ready. */
  downSeconds: number;
}

/**
 * SIGKILL of the analytics process while orders flow (events in its hands are neither
 * acknowledged nor finished), then a new process: its consumer claims what the dead one held.
 * The malformed requests for analytics wait at `gate` meanwhile (the others go on).
 */
export async function crashAnalytics(
  processes: MeshProcesses,
  redisUrl: string,
  downMs: number,
  gate: ServiceGate,
): Promise<CrashReport> {
  // Kill it while it holds deliveries, if it gets any within a few seconds.
  let group = (await groupsOf(redisUrl, ORDER_STREAM)).find((info) => info.name === 'analytics');
  for (let tries = 0; tries < 60 && (group?.pending ?? 0) === 0; tries += 1) {
    await sleep(50);
    group = (await groupsOf(redisUrl, ORDER_STREAM)).find((info) => info.name === 'analytics');
  }
  await gate.close('analytics');
  const killedAt = performance.now();
  await processes.kill('analytics');
  await sleep(downMs);
  try {
    await processes.start('analytics');
  } finally {
    gate.open('analytics');
  }
  return {
    pendingAtKill: group?.pending ?? 0,
    lagAtKill: group?.lag ?? null,
    downSeconds: (performance.now() - killedAt) / 1_000,
  };
}
