import { down } from './down';
import { describeError } from './errors';
import { ALL_STORES } from './options';
import { status } from './status';
import type { StoreKind } from './stores/store-types';
import { ensureRedisCluster } from './topologies/redis-cluster';
import { ensureRedisSentinel } from './topologies/redis-sentinel';
import { ALL_TOPOLOGIES, type RedisTopologyKind } from './topologies/topology-types';
import { up } from './up';

const USAGE = `usage: tsx tools/infra/src/cli.ts <up|down|status> [--root <dir>] [postgres|redis|mongo|redis-cluster|redis-sentinel ...]
  ports: MESH_POSTGRES_PORT, MESH_REDIS_PORT, MESH_MONGO_PORT; URLs from the environment win.
  redis-cluster / redis-sentinel (up and down only): started on free ports, their variables in .mesh/<name>.env.`;

interface CliArguments {
  command: string;
  rootDir?: string;
  stores?: StoreKind[];
  topologies?: RedisTopologyKind[];
}

function parseArguments(argv: readonly string[]): CliArguments {
  const [command = '', ...rest] = argv;
  const stores: StoreKind[] = [];
  const topologies: RedisTopologyKind[] = [];
  let rootDir: string | undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    if (argument === '--root') {
      rootDir = rest[++index];
      if (rootDir === undefined) throw new Error('--root needs a directory');
    } else if ((ALL_STORES as readonly string[]).includes(argument)) {
      stores.push(argument as StoreKind);
    } else if ((ALL_TOPOLOGIES as readonly string[]).includes(argument)) {
      topologies.push(argument as RedisTopologyKind);
    } else {
      throw new Error(`unknown argument ${argument}\n${USAGE}`);
    }
  }
  // No name at all: every store (and, for down, every topology). Any name: exactly those.
  const named = stores.length + topologies.length > 0;
  return { command, rootDir, stores: named ? stores : undefined, topologies: named ? topologies : undefined };
}

async function main(argv: readonly string[]): Promise<number> {
  const { command, topologies, ...options } = parseArguments(argv);
  if (command === 'up') {
    // Ctrl-C during `up` stops what it already started instead of leaving it half up.
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort(new Error('interrupted')));
    process.once('SIGTERM', () => abort.abort(new Error('terminated')));
    if (options.stores === undefined || options.stores.length > 0) await up({ ...options, signal: abort.signal });
    for (const topology of topologies ?? []) await upTopology(topology, options.rootDir);
  } else if (command === 'down') {
    await down({ ...options, topologies });
  } else if (command === 'status' && (topologies ?? []).length === 0) {
    await status(options);
  } else {
    console.error(USAGE);
    return 2;
  }
  return 0;
}

async function upTopology(topology: RedisTopologyKind, rootDir: string | undefined): Promise<void> {
  console.log(`infra: ${topology}`);
  const setup =
    topology === 'redis-cluster'
      ? await ensureRedisCluster({ rootDir }).then((cluster) => ({
          ...cluster,
          lines: cluster.nodes.map((node) => `${node.role} 127.0.0.1:${node.port} (pid ${node.pid})`),
        }))
      : await ensureRedisSentinel({ rootDir }).then((sentinel) => ({
          ...sentinel,
          lines: [
            ...[sentinel.master, ...sentinel.replicas].map((node) => `${node.role} 127.0.0.1:${node.port} (pid ${node.pid})`),
            ...sentinel.sentinels.map((node) => `sentinel 127.0.0.1:${node.port} (pid ${node.pid})`),
          ],
        }));
  for (const line of setup.lines) console.log(`    ${line}`);
  for (const [key, value] of Object.entries(setup.env)) console.log(`    ${key}=${value}`);
  console.log(`  use it in a shell: set -a; . ${setup.envFile}; set +a`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`infra: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
