import { down, ensureRedisCluster, ensureRedisSentinel, type RedisNode, startAgain } from '@mesh/infra';
import { streamKeys } from '@mesh/messaging';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import { createRedisClient, type RedisTopology, redisTopology, redisTopologyVariables } from '@mesh/service';
import calculateSlot from 'cluster-key-slot';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

import type { CleanupStack } from '../cleanup-stack';
import type { RedisFaultReport, RedisMode, RedisUnderTest } from './redis-under-test';

/** How long a cluster node may be silent before its replica takes over (the default 3 s, shortened for the run). */
const NODE_TIMEOUT_MS = 2_000;
const FAILOVER_TIMEOUT_MS = 30_000;

/** Where the orders stream's master is now, and how to ask. */
interface MasterLookup {
  masterOf(key: string): Promise<number>;
}

/**
 * A Redis Cluster (three masters, three replicas) or a master with a replica and three sentinels,
 * of the run's own (tools/infra, in a folder of its own), whose fault is a failover: the master
 * that holds the orders stream is SIGKILLed, its replica takes over, and the killed node is
 * started again as infra started it, to rejoin as a replica (as Swarm would restart it).
 */
export class FailoverRedis implements RedisUnderTest {
  private readonly restarted: ChildProcess[] = [];

  private constructor(
    readonly mode: Exclude<RedisMode, 'single'>,
    readonly env: Record<string, string>,
    readonly target: RedisTopology,
    readonly description: string,
    private readonly members: RedisNode[],
    private readonly lookup: MasterLookup,
  ) {}

  static async start(
    mode: Exclude<RedisMode, 'single'>,
    rootDir: string,
    cleanup: CleanupStack,
    log: (line: string) => void,
  ): Promise<FailoverRedis> {
    const topology = mode === 'cluster' ? 'redis-cluster' : 'redis-sentinel';
    cleanup.defer(`stop the ${topology}`, () => down({ rootDir, topologies: [topology], stores: [], log }));
    if (mode === 'cluster') {
      const cluster = await ensureRedisCluster({ rootDir, log, nodeTimeoutMs: NODE_TIMEOUT_MS });
      const env = { REDIS_URL: '', ...cluster.env };
      const ports = cluster.nodes.map((node) => node.port);
      const redis = new FailoverRedis(
        mode,
        env,
        topologyOf(env),
        `Redis Cluster of its own: 3 masters, 3 replicas on ports ${ports.join(', ')}`,
        cluster.nodes,
        { masterOf: (key) => clusterMasterOf(ports, key) },
      );
      cleanup.defer('stop the restarted cluster node', () => redis.stopRestarted());
      return redis;
    }
    const setup = await ensureRedisSentinel({ rootDir, log });
    const env = { REDIS_URL: '', ...setup.env };
    const sentinelPorts = setup.sentinels.map((sentinel) => sentinel.port);
    const redis = new FailoverRedis(
      mode,
      env,
      topologyOf(env),
      `Redis master ${setup.master.port} with replica ${setup.replicas.map((node) => node.port).join(', ')} and sentinels on ${sentinelPorts.join(', ')}`,
      [setup.master, ...setup.replicas],
      { masterOf: () => sentinelMasterOf(sentinelPorts, setup.masterName) },
    );
    cleanup.defer('stop the restarted Redis node', () => redis.stopRestarted());
    return redis;
  }

  async interrupt(_downMs: number, whileDown: () => Promise<unknown>): Promise<RedisFaultReport> {
    const key = streamKeys.source(ORDER_STREAM);
    const killedPort = await this.lookup.masterOf(key);
    const member = this.members.find((candidate) => candidate.port === killedPort);
    if (!member) throw new Error(`the master of ${key} is on port ${killedPort}, which is not a node of the run`);
    const killedAt = Date.now();
    process.kill(member.pid, 'SIGKILL');
    const [{ promotedPort, promotedSeconds }] = await Promise.all([
      this.untilPromoted(key, killedPort, killedAt),
      whileDown(),
    ]);
    // With its data and cluster files it learns from its peers (or the sentinels) that it was replaced.
    this.restarted.push(await startAgain(member.server));
    const firstEventSeconds = await this.firstEventAfter(key, killedAt);
    await untilReplica(killedPort);
    return {
      seconds: promotedSeconds,
      description:
        `SIGKILL of the master of ${key} (port ${killedPort}); replica ${promotedPort} promoted after ${promotedSeconds.toFixed(1)} s; ` +
        `first event on the stream ${firstEventSeconds.toFixed(1)} s after the kill; the killed node started again as a replica`,
    };
  }

  /** Until the key's slot is served by another node than the killed one: that node, and when. */
  private async untilPromoted(
    key: string,
    killedPort: number,
    killedAt: number,
  ): Promise<{ promotedPort: number; promotedSeconds: number }> {
    const deadline = Date.now() + FAILOVER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const port = await this.lookup.masterOf(key).catch(() => killedPort);
      if (port !== killedPort) return { promotedPort: port, promotedSeconds: (Date.now() - killedAt) / 1_000 };
      await sleep(100);
    }
    throw new Error(`no replica took over ${key} within ${FAILOVER_TIMEOUT_MS / 1_000} s of the master's SIGKILL`);
  }

  /** Seconds from the kill to the first entry the relay added to the stream after it: the events' gap. */
  private async firstEventAfter(key: string, killedAt: number): Promise<number> {
    const deadline = Date.now() + FAILOVER_TIMEOUT_MS;
    const client = createRedisClient(this.target, { maxRetriesPerRequest: 2, connectTimeout: 2_000 });
    client.on('error', () => undefined);
    try {
      while (Date.now() < deadline) {
        const [first] = await client.xrange(key, `${killedAt + 1}`, '+', 'COUNT', 1).catch(() => []);
        if (first) return (Number(first[0].split('-')[0]) - killedAt) / 1_000;
        await sleep(100);
      }
    } finally {
      client.disconnect();
    }
    throw new Error(`no event reached ${key} within ${FAILOVER_TIMEOUT_MS / 1_000} s of the failover`);
  }

  private async stopRestarted(): Promise<void> {
    for (const child of this.restarted) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
    }
  }
}

/** Until the node on `port` answers as a replica (ROLE): a cluster node learns it from its peers, a Sentinel's from the sentinels. */
async function untilReplica(port: number): Promise<void> {
  const deadline = Date.now() + FAILOVER_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const role = (await askNode(port, ['ROLE']).catch(() => undefined)) as [string, ...unknown[]] | undefined;
    if (role?.[0] === 'slave') return;
    await sleep(200);
  }
  throw new Error(`the killed node on port ${port} did not come back as a replica within ${FAILOVER_TIMEOUT_MS / 1_000} s`);
}

function topologyOf(env: Record<string, string>): RedisTopology {
  const { REDIS_URL: _emptied, ...rest } = env;
  return redisTopology(z.object(redisTopologyVariables).parse(rest));
}

/** The port of the master serving `key`'s slot, from CLUSTER SLOTS of the first node that answers. */
async function clusterMasterOf(ports: readonly number[], key: string): Promise<number> {
  const slot = calculateSlot(key);
  for (const port of ports) {
    const ranges = (await askNode(port, ['CLUSTER', 'SLOTS']).catch(() => undefined)) as
      | Array<[number, number, [string, number, ...unknown[]], ...unknown[]]>
      | undefined;
    const range = ranges?.find(([from, to]) => slot >= from && slot <= to);
    if (range) return range[2][1];
  }
  throw new Error('no cluster node answered CLUSTER SLOTS');
}

/** The port of the master the sentinels name now (the first that answers). */
async function sentinelMasterOf(sentinelPorts: readonly number[], masterName: string): Promise<number> {
  for (const port of sentinelPorts) {
    const address = (await askNode(port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName]).catch(() => undefined)) as
      | [string, string]
      | undefined;
    if (address) return Number(address[1]);
  }
  throw new Error(`no sentinel named a master for ${masterName}`);
}

async function askNode(port: number, command: [string, ...string[]]): Promise<unknown> {
  const client = createRedisClient(`redis://127.0.0.1:${port}`, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(...command);
  } finally {
    client.disconnect();
  }
}
