import type { MeshProcesses } from '../../../mesh/src/harness/mesh-processes';
import { PROCESS_WARM_UP_MS, ReplicaFleet } from './replica-fleet';

/** A replica set that starts and stops at once, with a pid per domain: the fleet's bookkeeping only. */
function replicaSet(): MeshProcesses {
  return {
    url: (domain: string) => `http://127.0.0.1/${domain}`,
    pid: () => 4242,
    kill: async () => undefined,
    start: async () => undefined,
    crashes: [],
  } as unknown as MeshProcesses;
}

describe('ReplicaFleet', () => {
  it('counts a restarted replica as warming up for PROCESS_WARM_UP_MS, and a replica never restarted not at all', async () => {
    let now = 1_000;
    const fleet = new ReplicaFleet([replicaSet(), replicaSet()], () => now);
    const restarted = { domain: 'analytics' as const, replica: 1 };
    const untouched = { domain: 'analytics' as const, replica: 2 };

    await fleet.killAndRestart(restarted);
    expect([fleet.warmingUp(restarted), fleet.warmingUp(untouched)]).toEqual([true, false]);
    now += PROCESS_WARM_UP_MS - 1;
    expect(fleet.warmingUp(restarted)).toBe(true);
    now += 1;
    expect(fleet.warmingUp(restarted)).toBe(false);
    expect(fleet.pid(restarted)).toBe(4242);
  });
});
