import { Cluster, Redis } from 'ioredis';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { isolatedEnv, makeTempRoot } from '../../test/infra-test-kit';
import { down } from '../down';
import { readEnvFile } from '../env-file';
import { isListening } from '../probe';
import { isAlive } from '../processes';
import { readTopologies } from '../state-file';
import { infoFields, redisCall } from './redis-admin';
import { ensureRedisCluster, type RedisCluster } from './redis-cluster';

/** A real cluster of six redis-servers in a temp .mesh, on free ports; stopped by the last test (or afterAll). */
describe('ensureRedisCluster', () => {
  const root = makeTempRoot('redis-cluster');
  const env = isolatedEnv();
  const silent = (): void => undefined;
  const stateFile = join(root.dir, '.mesh', 'infra-state.json');
  let cluster: RedisCluster;

  beforeAll(async () => {
    cluster = await ensureRedisCluster({ rootDir: root.dir, env, log: silent });
  }, 60_000);

  afterAll(async () => {
    await down({ rootDir: root.dir, env, log: silent, topologies: ['redis-cluster'] }).catch(() => undefined);
    root.remove();
  }, 30_000);

  it('starts three masters and three replicas, each replica following a master', async () => {
    expect(cluster.masters).toHaveLength(3);
    expect(cluster.replicas).toHaveLength(3);
    expect(cluster.reused).toBe(false);
    const mastersOfReplicas = await Promise.all(
      cluster.replicas.map(async (replica) => Number(infoFields(await redisCall(replica.port, ['INFO', 'replication'])).get('master_port'))),
    );
    expect(mastersOfReplicas.sort()).toEqual(cluster.masters.map((master) => master.port).sort());
  });

  it('covers all 16384 slots, on every node', async () => {
    for (const node of cluster.nodes) {
      const info = infoFields(await redisCall(node.port, ['CLUSTER', 'INFO']));
      expect([info.get('cluster_state'), info.get('cluster_slots_ok'), info.get('cluster_known_nodes')]).toEqual(['ok', '16384', '6']);
    }
    const ranges = (await redisCall(cluster.nodes[0].port, ['CLUSTER', 'SLOTS'])) as [number, number][];
    const served = ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0);
    expect(served).toBe(16_384);
  });

  it('writes REDIS_CLUSTER_NODES to .mesh/redis-cluster.env, and leaves .mesh/env alone', () => {
    const nodes = cluster.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
    expect(cluster.envFile).toBe(join(root.dir, '.mesh', 'redis-cluster.env'));
    expect(readEnvFile(cluster.envFile)).toEqual({ REDIS_CLUSTER_NODES: nodes });
    expect(readFileSync(cluster.envFile, 'utf8')).toContain('set -a; .');
    expect(existsSync(join(root.dir, '.mesh', 'env'))).toBe(false);
  });

  it('takes an XADD to a hash-tagged stream through an ioredis Cluster, on the master owning its slot', async () => {
    const client = new Cluster(cluster.env.REDIS_CLUSTER_NODES.split(',').map((node) => ({ host: '127.0.0.1', port: Number(node.split(':')[1]) })));
    try {
      const id = await client.xadd('{orders.order.v1}', '*', 'type', 'OrderPlaced');
      const slot = Number(await client.cluster('KEYSLOT', '{orders.order.v1}'));
      const ranges = await client.cluster('SLOTS');
      const ownerPort = ranges.find(([first, last]) => slot >= first && slot <= last)?.[2][1];
      const owner = new Redis({ port: ownerPort, lazyConnect: true });
      await owner.connect();
      try {
        expect(await owner.xrange('{orders.order.v1}', '-', '+')).toEqual([[id, ['type', 'OrderPlaced']]]);
      } finally {
        owner.disconnect();
      }
      const other = cluster.masters.find((master) => master.port !== ownerPort) as RedisCluster['nodes'][number];
      await expect(redisCall(other.port, ['XLEN', '{orders.order.v1}'])).rejects.toThrow(/^MOVED/);
    } finally {
      client.disconnect();
    }
  }, 30_000);

  it('is reused by the next call while it works', async () => {
    const again = await ensureRedisCluster({ rootDir: root.dir, env, log: silent });

    expect(again.reused).toBe(true);
    expect(again.nodes.map((node) => node.pid).sort()).toEqual(cluster.nodes.map((node) => node.pid).sort());
  }, 30_000);

  it('is stopped by down, which forgets it and removes its env file', async () => {
    const result = await down({ rootDir: root.dir, env, log: silent });

    expect(result.stoppedTopologies.map((topology) => topology.topology)).toEqual(['redis-cluster']);
    expect(cluster.nodes.map((node) => isAlive(node.pid))).toEqual(Array(6).fill(false));
    expect(await Promise.all(cluster.nodes.map((node) => isListening(node.port)))).toEqual(Array(6).fill(false));
    expect(readTopologies(stateFile)).toEqual({});
    expect(existsSync(cluster.envFile)).toBe(false);
  }, 30_000);
});
