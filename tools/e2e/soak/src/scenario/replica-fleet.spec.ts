import type { MeshProcesses } from '../../../mesh/src/harness/mesh-processes';
import { ReplicaFleet } from './replica-fleet';

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
  const fleet = new ReplicaFleet([replicaSet(), replicaSet()]);

  it('kills only the replicas after the first of each domain, which runs throughout the soak', async () => {
    expect(fleet.killableSlots).toEqual([
      { domain: 'orders', replica: 2 },
      { domain: 'customers', replica: 2 },
      { domain: 'analytics', replica: 2 },
    ]);
    await expect(fleet.killAndRestart({ domain: 'customers', replica: 1 })).rejects.toThrow(
      'customers #1 is long-lived: the soak never kills it',
    );
    await expect(fleet.killAndRestart({ domain: 'customers', replica: 2 })).resolves.toBeGreaterThanOrEqual(0);
  });

  it('knows the inspector port of each long-lived replica only', () => {
    const inspected = new ReplicaFleet([replicaSet(), replicaSet()], new Map([['orders', 9301]]));
    expect(inspected.inspectorPort({ domain: 'orders', replica: 1 })).toBe(9301);
    expect(() => inspected.inspectorPort({ domain: 'orders', replica: 2 })).toThrow('orders #2 has no inspector open');
    expect(() => inspected.inspectorPort({ domain: 'customers', replica: 1 })).toThrow('customers #1 has no inspector open');
  });

  it('refuses a fleet of one replica per domain, where no replica could run throughout', () => {
    expect(() => new ReplicaFleet([replicaSet()])).toThrow('two replicas of every domain');
  });
});
