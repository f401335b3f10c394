import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { InfraError } from '../errors';
import { findExecutable } from '../find-executable';
import type { InfraOptions } from '../options';
import { runCommand } from '../processes';
import { writeSecretFile } from '../secret-file';
import { startRedisServer } from '../stores/redis-server';
import type { StartedServer } from '../stores/store-types';
import { freeLocalPorts } from './local-ports';
import { infoFields, pingNode, redisCall } from './redis-admin';
import { ensureTopology, type TopologyContext, type TopologyDriver } from './topology-lifecycle';
import type { AdminCredentials, RedisNode, StartedTopology } from './topology-types';
import { waitFor } from './wait-for';

const MASTERS = 3;
const NODES = MASTERS * 2;
const SLOTS = 16_384;

export interface RedisClusterOptions extends InfraOptions {
  /**
   * Start every node with this ACL file (`--aclfile`). Its `default` user may be off, so infra
   * (creating the cluster, its checks) and each replica (replication) log in as `admin`, a user
   * of the file with every right. Reuse checks log in the same way.
   */
  acl?: { file: string; admin: AdminCredentials };
  /** `cluster-node-timeout`: how long a master may be silent before its replica takes over (default 3000 ms). */
  nodeTimeoutMs?: number;
}

export interface RedisCluster {
  /** All six nodes, with the role each has now. */
  nodes: RedisNode[];
  masters: RedisNode[];
  replicas: RedisNode[];
  /** `REDIS_CLUSTER_NODES`: every node as host:port, comma-separated. */
  env: { REDIS_CLUSTER_NODES: string };
  /** .mesh/redis-cluster.env, which holds `env`. */
  envFile: string;
  /** True when it was started by an earlier call and still worked. */
  reused: boolean;
}

/**
 * A local Redis Cluster (`npm run infra:up -- redis-cluster`): three masters and three replicas
 * from the redis-server on PATH, on free ports of 127.0.0.1, made with `redis-cli --cluster create
 * --cluster-replicas 1`; returned once every node says `cluster_state:ok` with all 16384 slots
 * served and every replica is in sync. One started earlier is reused while it works.
 */
export function ensureRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  return ensureTopology(clusterDriver, options);
}

const clusterDriver: TopologyDriver<RedisClusterOptions, RedisCluster> = {
  kind: 'redis-cluster',
  start: startCluster,
  check: (context, members) => clusterProblem(context, members).then(throwIfProblem),
  env: (members) => ({ REDIS_CLUSTER_NODES: members.map((member) => `127.0.0.1:${member.port}`).join(',') }),
  describe: describeCluster,
};

async function startCluster(
  context: TopologyContext<RedisClusterOptions>,
  onStarted: (server: StartedServer) => void,
): Promise<void> {
  const { settings, options } = context;
  const redisCli = settings.binaries.redisCli ?? findExecutable('redis-cli', settings.env);
  if (redisCli === undefined) {
    throw new InfraError('redis-cluster: redis-cli is not on PATH', { fix: 'apt-get install redis-tools (or redis-server)' });
  }
  const ports = await freeLocalPorts(NODES * 2);
  const credentials = options.acl?.admin;
  for (let index = 0; index < NODES; index += 1) {
    const [port, busPort] = [ports[index], ports[NODES + index]];
    const dataDir = join(context.dataDir, String(port));
    await startRedisServer(
      {
        port,
        dataDir,
        logFile: join(settings.logDir, `redis-cluster-${port}.log`),
        leadingArgs: options.acl ? [aclConfig(dataDir, options.acl)] : [],
        extraArgs: [
          '--appendonly', 'yes',
          '--cluster-enabled', 'yes',
          '--cluster-config-file', 'nodes.conf',
          '--cluster-node-timeout', String(options.nodeTimeoutMs ?? 3_000),
          // The bus port explicitly (Redis ≥ 7): port + 10000 may be taken or beyond 65535.
          '--cluster-port', String(busPort),
        ],
        ping: () => pingNode(port, credentials),
        fix: 'run it again (another program took a port that was free a moment ago)',
      },
      settings,
      onStarted,
    );
  }
  const addresses = ports.slice(0, NODES).map((port) => `127.0.0.1:${port}`);
  settings.log(`  redis-cluster: redis-cli --cluster create ${addresses.join(' ')} --cluster-replicas 1`);
  const created = await runCommand(
    redisCli,
    [
      '--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes',
      ...(credentials ? ['--user', credentials.username] : []),
    ],
    // REDISCLI_AUTH rather than --pass: a password on the command line shows in ps.
    { env: { ...settings.env, ...(credentials ? { REDISCLI_AUTH: credentials.password } : {}) } },
  );
  if (created.code !== 0 || !created.output.includes(`All ${SLOTS} slots covered`)) {
    throw new InfraError(`redis-cli --cluster create failed (exit ${created.code}):\n${created.output.trim()}`, {
      fix: 'see the nodes\' logs in .mesh/logs/redis-cluster-*.log',
    });
  }
  const members = ports.slice(0, NODES).map((port) => ({ port }));
  await waitFor('redis-cluster', () => clusterProblem(context, members), settings.readyTimeoutMs);
}

/** Undefined when every node serves the whole cluster and every replica is in sync; else what is missing. */
async function clusterProblem(
  context: TopologyContext<RedisClusterOptions>,
  members: readonly { port: number }[],
): Promise<string | undefined> {
  const credentials = context.options.acl?.admin;
  for (const { port } of members) {
    const info = infoFields(await redisCall(port, ['CLUSTER', 'INFO'], credentials));
    if (info.get('cluster_state') !== 'ok') return `node ${port}: cluster_state:${info.get('cluster_state')}`;
    if (info.get('cluster_slots_ok') !== String(SLOTS)) return `node ${port}: cluster_slots_ok:${info.get('cluster_slots_ok')}`;
    if (info.get('cluster_known_nodes') !== String(NODES)) {
      return `node ${port}: cluster_known_nodes:${info.get('cluster_known_nodes')}`;
    }
    const replication = infoFields(await redisCall(port, ['INFO', 'replication'], credentials));
    if (replication.get('role') === 'slave' && replication.get('master_link_status') !== 'up') {
      return `replica ${port}: master_link_status:${replication.get('master_link_status')}`;
    }
  }
  const masters = (await nodeRoles(members[0].port, credentials)).filter(([, role]) => role === 'master');
  return masters.length === MASTERS ? undefined : `${masters.length} masters instead of ${MASTERS}`;
}

async function describeCluster(
  context: TopologyContext<RedisClusterOptions>,
  topology: StartedTopology,
  reused: boolean,
): Promise<RedisCluster> {
  const roles = new Map(await nodeRoles(topology.members[0].port, context.options.acl?.admin));
  const nodes: RedisNode[] = topology.members.map((member) => ({
    host: '127.0.0.1',
    port: member.port,
    pid: member.pid,
    role: roles.get(member.port) ?? 'replica',
    server: member,
  }));
  return {
    nodes,
    masters: nodes.filter((node) => node.role === 'master'),
    replicas: nodes.filter((node) => node.role === 'replica'),
    env: clusterDriver.env(topology.members, context.options) as RedisCluster['env'],
    envFile: topology.envFile,
    reused,
  };
}

/** [port, role] of every node that is not marked failed, from `CLUSTER NODES`. */
async function nodeRoles(port: number, credentials?: AdminCredentials): Promise<[number, 'master' | 'replica'][]> {
  const text = String(await redisCall(port, ['CLUSTER', 'NODES'], credentials));
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(' '))
    .filter(([, , flags]) => !flags.split(',').includes('fail'))
    .map(([, address, flags]) => [
      Number(address.split('@')[0].split(':').at(-1)),
      flags.split(',').includes('master') ? 'master' : 'replica',
    ]);
}

/** A node's config file with what must not show in ps: the ACL file, and how a replica logs in to its master. */
function aclConfig(dataDir: string, acl: NonNullable<RedisClusterOptions['acl']>): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'acl.conf');
  const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  writeSecretFile(
    file,
    [`aclfile ${quote(acl.file)}`, `masteruser ${quote(acl.admin.username)}`, `masterauth ${quote(acl.admin.password)}`].join('\n') +
      '\n',
  );
  return file;
}

function throwIfProblem(problem: string | undefined): void {
  if (problem !== undefined) throw new Error(problem);
}
