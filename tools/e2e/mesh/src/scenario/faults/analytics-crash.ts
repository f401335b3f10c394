import { readGroups, streamKeys } from '@mesh/messaging';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import type { RedisTarget } from '@mesh/service';
import { setTimeout as sleep } from 'node:timers/promises';

import { eventually } from '../../../../kit/src/eventually';
import { withRedis } from '../../../../kit/src/stream-groups';
import type { ServiceGate } from '../../fuzz/service-gate';
import type { MeshProcesses } from '../../harness/mesh-processes';

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
  redis: RedisTarget,
  downMs: number,
  gate: ServiceGate,
): Promise<CrashReport> {
  await gate.close('analytics');
  try {
    // Kill it while it holds deliveries, if it gets any within a few seconds.
    const group = await withRedis(redis, async (client) => {
      const analyticsGroup = async () =>
        (await readGroups(client, streamKeys.source(ORDER_STREAM))).find((info) => info.name === 'analytics');
      return (await eventually(analyticsGroup, (analytics) => (analytics?.pending ?? 0) > 0, 3_000, 50)).result;
    });
    const killedAt = performance.now();
    await processes.kill('analytics');
    await sleep(downMs);
    await processes.start('analytics');
    return {
      pendingAtKill: group?.pending ?? 0,
      lagAtKill: group?.lag ?? null,
      downSeconds: (performance.now() - killedAt) / 1_000,
    };
  } finally {
    gate.open('analytics');
  }
}
