import { join, resolve } from 'node:path';

import type { PostgresBinaries } from './stores/embedded-postgres-binaries';
import type { StoreKind } from './stores/store-types';
import type { RedisTopologyKind } from './topologies/topology-types';

/** What a caller may change; every field has a default that suits `npm run infra:*`. */
export interface InfraOptions {
  /** Directory that holds `.mesh/` (default: the workspace root). Tests use a temp dir. */
  rootDir?: string;
  /** Ports on 127.0.0.1; default from MESH_POSTGRES_PORT / MESH_REDIS_PORT / MESH_MONGO_PORT. */
  ports?: Partial<Record<StoreKind, number>>;
  /** Stores to resolve or stop (default: all three). */
  stores?: StoreKind[];
  /**
   * Redis clusters and sentinel setups for `down` to stop (default: every one infra started, unless
   * `stores` is given). `up` never starts one: `ensureRedisCluster` / `ensureRedisSentinel` do.
   */
  topologies?: RedisTopologyKind[];
  /** Where store URLs, PATH and PG* settings are read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Receives the human-readable progress lines (default: console.log). */
  log?: (line: string) => void;
  /** How long a started server may take to answer (default 30 s). */
  readyTimeoutMs?: number;
  /** Replace the programs found on PATH or in packages (tests: a bad binary). */
  binaries?: BinaryOverrides;
}

export interface BinaryOverrides {
  postgres?: PostgresBinaries;
  redisServer?: string;
  /** `redis-cli`, which creates a cluster (`--cluster create`). */
  redisCli?: string;
  mongod?: string;
  ferretdb?: string;
}

/** Options with defaults applied, plus the paths derived from them. */
export interface InfraSettings {
  rootDir: string;
  meshDir: string;
  logDir: string;
  runDir: string;
  envFile: string;
  stateFile: string;
  /** Held while an `up` or `down` runs, so that they take turns. */
  lockFile: string;
  ferretdbSourceDir: string;
  ports: Record<StoreKind, number>;
  stores: StoreKind[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  readyTimeoutMs: number;
  binaries: BinaryOverrides;
}

export const ALL_STORES: readonly StoreKind[] = ['postgres', 'redis', 'mongo'];

/** tools/infra/src → workspace root; also the home of tools/ferretdb. */
export const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

const DEFAULT_PORTS: Record<StoreKind, { variable: string; port: number }> = {
  postgres: { variable: 'MESH_POSTGRES_PORT', port: 5432 },
  redis: { variable: 'MESH_REDIS_PORT', port: 6379 },
  mongo: { variable: 'MESH_MONGO_PORT', port: 27017 },
};

export function resolveSettings(options: InfraOptions = {}): InfraSettings {
  const env = options.env ?? process.env;
  const rootDir = resolve(options.rootDir ?? WORKSPACE_ROOT);
  const meshDir = join(rootDir, '.mesh');
  const portFor = (store: StoreKind): number =>
    options.ports?.[store] ?? parsePort(env, DEFAULT_PORTS[store].variable, DEFAULT_PORTS[store].port);
  return {
    rootDir,
    meshDir,
    logDir: join(meshDir, 'logs'),
    runDir: join(meshDir, 'run'),
    envFile: join(meshDir, 'env'),
    stateFile: join(meshDir, 'infra-state.json'),
    lockFile: join(meshDir, 'infra.lock'),
    ferretdbSourceDir: join(WORKSPACE_ROOT, 'tools', 'ferretdb'),
    ports: { postgres: portFor('postgres'), redis: portFor('redis'), mongo: portFor('mongo') },
    stores: ALL_STORES.filter((store) => (options.stores ?? ALL_STORES).includes(store)),
    env,
    log: options.log ?? ((line) => console.log(line)),
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    binaries: options.binaries ?? {},
  };
}

function parsePort(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${variable}=${raw} is not a TCP port (1-65535)`);
  }
  return port;
}
