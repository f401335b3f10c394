import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { InfraOptions } from '../options';
import { startRedisServer } from '../stores/redis-server';
import type { StartedServer } from '../stores/store-types';
import { freeLocalPorts } from './local-ports';
import { infoFields, pingNode, redisCall } from './redis-admin';
import { ensureTopology, type TopologyContext, type TopologyDriver } from './topology-lifecycle';
import type { RedisNode, StartedTopology } from './topology-types';
import { waitFor } from './wait-for';

const SENTINELS = 3;
const QUORUM = 2;
export const DEFAULT_SENTINEL_MASTER = 'mesh';

export interface RedisSentinelOptions extends InfraOptions {
  /** The name the sentinels monitor the master by (default `mesh`). */
  masterName?: string;
  /** `down-after-milliseconds`: silence before a sentinel deems the master down (default 1000). */
  downAfterMs?: number;
  /** `failover-timeout` (default 3000): short, so that a local failover, and a retry of one, is quick. */
  failoverTimeoutMs?: number;
}

export interface RedisSentinelSetup {
  masterName: string;
  /** The data node the sentinels name as master now. */
  master: RedisNode;
  replicas: RedisNode[];
  sentinels: { host: '127.0.0.1'; port: number; pid: number }[];
  /** `REDIS_SENTINELS` (host:port, comma-separated) and `REDIS_SENTINEL_MASTER`. */
  env: { REDIS_SENTINELS: string; REDIS_SENTINEL_MASTER: string };
  /** .mesh/redis-sentinel.env, which holds `env`. */
  envFile: string;
  /** True when it was started by an earlier call and still worked. */
  reused: boolean;
}

/**
 * A local Redis with Sentinel (`npm run infra:up -- redis-sentinel`): a master, one replica
 * (`--replicaof`) and three sentinels (redis-server in sentinel mode) with quorum 2, on free ports
 * of 127.0.0.1. Returned once the replica is in sync and every sentinel knows the master, the
 * replica and the two other sentinels (so that a failover can be agreed). Reused while it works.
 */
export function ensureRedisSentinel(options: RedisSentinelOptions = {}): Promise<RedisSentinelSetup> {
  return ensureTopology(sentinelDriver, options);
}

const sentinelDriver: TopologyDriver<RedisSentinelOptions, RedisSentinelSetup> = {
  kind: 'redis-sentinel',
  start: startSentinelSetup,
  check: async (context, members) => {
    const problem = await sentinelProblem(context, sentinelsOf(members), dataNodesOf(members));
    if (problem !== undefined) throw new Error(problem);
  },
  env: (members, options) => ({
    REDIS_SENTINELS: sentinelsOf(members)
      .map((sentinel) => `127.0.0.1:${sentinel.port}`)
      .join(','),
    REDIS_SENTINEL_MASTER: masterNameOf(options),
  }),
  describe: describeSentinelSetup,
};

async function startSentinelSetup(
  context: TopologyContext<RedisSentinelOptions>,
  onStarted: (server: StartedServer) => void,
): Promise<void> {
  const { settings } = context;
  const [masterPort, replicaPort, ...sentinelPorts] = await freeLocalPorts(2 + SENTINELS);
  const fix = 'run it again (another program took a port that was free a moment ago)';
  const dataNode = (port: number, replicaOf: string[]) =>
    startRedisServer(
      {
        port,
        dataDir: join(context.dataDir, String(port)),
        logFile: join(settings.logDir, `redis-sentinel-data-${port}.log`),
        extraArgs: ['--appendonly', 'yes', ...replicaOf],
        fix,
      },
      settings,
      onStarted,
    );
  await dataNode(masterPort, []);
  await dataNode(replicaPort, ['--replicaof', '127.0.0.1', String(masterPort)]);
  for (const port of sentinelPorts) {
    const dataDir = join(context.dataDir, `sentinel-${port}`);
    await startRedisServer(
      {
        kind: 'redis-sentinel',
        port,
        dataDir,
        logFile: join(settings.logDir, `redis-sentinel-${port}.log`),
        // Sentinel mode needs a config file it may rewrite (it records what it learns there).
        leadingArgs: [sentinelConfig(dataDir, masterPort, context.options), '--sentinel'],
        ping: () => pingNode(port),
        fix,
      },
      settings,
      onStarted,
    );
  }
  const sentinels = sentinelPorts.map((port) => ({ port }));
  const dataNodes = [masterPort, replicaPort].map((port) => ({ port }));
  await waitFor('redis-sentinel', () => sentinelProblem(context, sentinels, dataNodes), settings.readyTimeoutMs);
}

function sentinelConfig(dataDir: string, masterPort: number, options: RedisSentinelOptions): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'sentinel.conf');
  const name = masterNameOf(options);
  writeFileSync(
    file,
    [
      `sentinel monitor ${name} 127.0.0.1 ${masterPort} ${QUORUM}`,
      `sentinel down-after-milliseconds ${name} ${options.downAfterMs ?? 1_000}`,
      `sentinel failover-timeout ${name} ${options.failoverTimeoutMs ?? 3_000}`,
      `sentinel parallel-syncs ${name} 1`,
    ].join('\n') + '\n',
  );
  return file;
}

/** Undefined when the master has an in-sync replica and every sentinel knows both and its two peers. */
async function sentinelProblem(
  context: TopologyContext<RedisSentinelOptions>,
  sentinels: readonly { port: number }[],
  dataNodes: readonly { port: number }[],
): Promise<string | undefined> {
  const name = masterNameOf(context.options);
  const dataPorts = dataNodes.map((node) => node.port);
  for (const { port } of sentinels) {
    const master = fieldsOf(await redisCall(port, ['SENTINEL', 'MASTER', name]));
    const flags = master.get('flags') ?? '';
    if (flags !== 'master') return `sentinel ${port}: master flags ${flags}`;
    if (!dataPorts.includes(Number(master.get('port')))) return `sentinel ${port}: master on port ${master.get('port')}, not ours`;
    if (master.get('num-slaves') !== '1') return `sentinel ${port}: knows ${master.get('num-slaves')} replicas`;
    if (master.get('num-other-sentinels') !== String(SENTINELS - 1)) {
      return `sentinel ${port}: knows ${master.get('num-other-sentinels')} other sentinels`;
    }
  }
  for (const { port } of dataNodes) {
    const replication = infoFields(await redisCall(port, ['INFO', 'replication']));
    if (replication.get('role') === 'slave' && replication.get('master_link_status') !== 'up') {
      return `replica ${port}: master_link_status:${replication.get('master_link_status')}`;
    }
  }
  return undefined;
}

async function describeSentinelSetup(
  context: TopologyContext<RedisSentinelOptions>,
  topology: StartedTopology,
  reused: boolean,
): Promise<RedisSentinelSetup> {
  const masterName = masterNameOf(context.options);
  const sentinels = sentinelsOf(topology.members);
  const address = (await redisCall(sentinels[0].port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName])) as string[];
  const masterPort = Number(address[1]);
  const nodes: RedisNode[] = dataNodesOf(topology.members).map((member) => ({
    host: '127.0.0.1',
    port: member.port,
    pid: member.pid,
    role: member.port === masterPort ? 'master' : 'replica',
    server: member,
  }));
  return {
    masterName,
    master: nodes.find((node) => node.role === 'master') ?? nodes[0],
    replicas: nodes.filter((node) => node.role === 'replica'),
    sentinels: sentinels.map((member) => ({ host: '127.0.0.1', port: member.port, pid: member.pid })),
    env: sentinelDriver.env(topology.members, context.options) as RedisSentinelSetup['env'],
    envFile: topology.envFile,
    reused,
  };
}

/** SENTINEL MASTER answers a flat [field, value, …] list (RESP2). */
function fieldsOf(reply: unknown): Map<string, string> {
  const list = Array.isArray(reply) ? (reply as string[]) : [];
  const fields = new Map<string, string>();
  for (let index = 0; index + 1 < list.length; index += 2) fields.set(list[index], list[index + 1]);
  return fields;
}

function masterNameOf(options: RedisSentinelOptions): string {
  return options.masterName ?? DEFAULT_SENTINEL_MASTER;
}

function sentinelsOf(members: readonly StartedServer[]): StartedServer[] {
  return members.filter((member) => member.kind === 'redis-sentinel');
}

function dataNodesOf(members: readonly StartedServer[]): StartedServer[] {
  return members.filter((member) => member.kind !== 'redis-sentinel');
}
