import { z } from 'zod';

import { type ConfigProblem, ConfigValidationError } from '../config/config-validation.error';
import { envBool, envList, envUrl } from '../config/env-schemas';

/** A Redis server or sentinel by host and port. */
export interface RedisEndpoint {
  host: string;
  port: number;
}

/** The user and password a client authenticates with (a domain's ACL user); both optional. */
export interface RedisCredentials {
  username?: string;
  password?: string;
}

/**
 * Where a service's Redis is and how it is laid out: one server (`REDIS_URL`), a Redis Cluster
 * (`REDIS_CLUSTER_NODES`) or a master watched by Sentinel (`REDIS_SENTINELS` and
 * `REDIS_SENTINEL_MASTER`). `createRedisClient` turns it into an ioredis client.
 */
export type RedisTopology =
  | {
      kind: 'single';
      /** Carries the credentials: never log it. */
      url: string;
    }
  | {
      kind: 'cluster';
      nodes: RedisEndpoint[];
      credentials: RedisCredentials;
      tls: boolean;
    }
  | {
      kind: 'sentinel';
      sentinels: RedisEndpoint[];
      masterName: string;
      credentials: RedisCredentials;
      /** The sentinels' own user, when they require one. */
      sentinelCredentials: RedisCredentials;
      tls: boolean;
    };

/**
 * The environment variables of a Redis topology, for a `defineConfig` (every one takes `_FILE`,
 * e.g. REDIS_PASSWORD_FILE for a Swarm secret). Set exactly one of REDIS_URL,
 * REDIS_CLUSTER_NODES and REDIS_SENTINELS; `redisTopology` checks the combination.
 */
export const redisTopologyVariables = {
  /** One server: `redis://[user:password@]host:port`. */
  REDIS_URL: envUrl(['redis', 'rediss']).optional(),
  /** A Redis Cluster: some of its nodes, `host:port` (or `redis://[user:password@]host:port`), comma-separated. */
  REDIS_CLUSTER_NODES: envList().optional(),
  /** Sentinels watching the master, `host:port`, comma-separated; with REDIS_SENTINEL_MASTER. */
  REDIS_SENTINELS: envList().optional(),
  /** The name under which the sentinels know the master (`sentinel monitor <name> …`). */
  REDIS_SENTINEL_MASTER: z.string().min(1).optional(),
  REDIS_SENTINEL_USERNAME: z.string().min(1).optional(),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  /** TLS to the cluster nodes or the master (REDIS_URL says so with `rediss://`). */
  REDIS_TLS: envBool().default(false),
  /** The domain's ACL user; replaces the one written in a URL. */
  REDIS_USERNAME: z.string().min(1).optional(),
  REDIS_PASSWORD: z.string().min(1).optional(),
};

export type RedisTopologyEnv = z.output<z.ZodObject<typeof redisTopologyVariables>>;

const ENTRY_VARIABLES = ['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'] as const;

/**
 * The topology the variables describe.
 * @throws ConfigValidationError naming each variable that is missing, extra or malformed.
 */
export function redisTopology(env: RedisTopologyEnv): RedisTopology {
  const problems = combinationProblems(env);
  const nodes = parseEndpoints('REDIS_CLUSTER_NODES', env.REDIS_CLUSTER_NODES ?? [], problems);
  const sentinels = parseEndpoints('REDIS_SENTINELS', env.REDIS_SENTINELS ?? [], problems);
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const given: RedisCredentials = { username: env.REDIS_USERNAME, password: env.REDIS_PASSWORD };
  if (env.REDIS_URL) return { kind: 'single', url: withRedisCredentials(env.REDIS_URL, given) };
  if (nodes.length > 0) {
    const written = (env.REDIS_CLUSTER_NODES ?? [])
      .map(credentialsInUrl)
      .find((found) => found.username || found.password);
    return { kind: 'cluster', nodes, credentials: mergeCredentials(written ?? {}, given), tls: env.REDIS_TLS };
  }
  const sentinelGiven = { username: env.REDIS_SENTINEL_USERNAME, password: env.REDIS_SENTINEL_PASSWORD };
  return {
    kind: 'sentinel',
    sentinels,
    masterName: env.REDIS_SENTINEL_MASTER as string,
    credentials: mergeCredentials({}, given),
    sentinelCredentials: mergeCredentials({}, sentinelGiven),
    tls: env.REDIS_TLS,
  };
}

/** Variables missing or set together where they must not be. */
function combinationProblems(env: RedisTopologyEnv): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const set = ENTRY_VARIABLES.filter((name) => env[name] !== undefined && env[name].length > 0);
  if (set.length === 0) {
    const message =
      'required: set REDIS_URL (one server), REDIS_CLUSTER_NODES (a cluster) or REDIS_SENTINELS (with REDIS_SENTINEL_MASTER)';
    problems.push({ variable: 'REDIS_URL', message });
  } else if (set.length > 1) {
    problems.push({ variable: set[1], message: `set only one of ${set.join(', ')}: they describe different topologies` });
  }
  const required = (variable: string, message: string) => problems.push({ variable, message });
  if (env.REDIS_SENTINELS?.length && !env.REDIS_SENTINEL_MASTER) {
    required('REDIS_SENTINEL_MASTER', 'required with REDIS_SENTINELS: the name the sentinels monitor the master under');
  }
  if (env.REDIS_SENTINEL_MASTER && !env.REDIS_SENTINELS?.length) {
    required('REDIS_SENTINELS', 'required with REDIS_SENTINEL_MASTER: the sentinels, host:port, comma-separated');
  }
  if (env.REDIS_USERNAME && !env.REDIS_PASSWORD) {
    // ioredis would silently connect as the default user instead.
    required('REDIS_PASSWORD', 'required when REDIS_USERNAME is set (or set REDIS_PASSWORD_FILE)');
  }
  if (env.REDIS_SENTINEL_USERNAME && !env.REDIS_SENTINEL_PASSWORD) {
    required('REDIS_SENTINEL_PASSWORD', 'required when REDIS_SENTINEL_USERNAME is set');
  }
  return problems;
}

/** The user the topology authenticates as, if any (the domain's ACL user). */
export function redisUsername(topology: RedisTopology): string | undefined {
  if (topology.kind === 'single') return decodeURIComponent(new URL(topology.url).username) || undefined;
  return topology.credentials.username;
}

/**
 * A Redis URL with the given user and password in it (percent-encoded, as ioredis decodes
 * them), replacing those the URL had; what is not given is kept.
 */
export function withRedisCredentials(url: string, credentials: RedisCredentials): string {
  if (!credentials.username && !credentials.password) return url;
  const parsed = new URL(url);
  if (credentials.username) parsed.username = encodeURIComponent(credentials.username);
  if (credentials.password) parsed.password = encodeURIComponent(credentials.password);
  return parsed.toString();
}

function mergeCredentials(written: RedisCredentials, given: RedisCredentials): RedisCredentials {
  const merged: RedisCredentials = {};
  const username = given.username ?? written.username;
  const password = given.password ?? written.password;
  if (username) merged.username = username;
  if (password) merged.password = password;
  return merged;
}

function credentialsInUrl(entry: string): RedisCredentials {
  if (!entry.includes('://')) return {};
  const url = new URL(entry);
  return {
    username: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
  };
}

function parseEndpoints(variable: string, entries: readonly string[], problems: ConfigProblem[]): RedisEndpoint[] {
  const endpoints: RedisEndpoint[] = [];
  for (const entry of entries) {
    const endpoint = parseEndpoint(entry);
    if (endpoint) endpoints.push(endpoint);
    else
      problems.push({
        variable,
        message: `"${entry.replace(/\/\/[^@]*@/, '//…@')}" is not host:port (nor redis://host:port)`,
      });
  }
  return endpoints;
}

function parseEndpoint(entry: string): RedisEndpoint | undefined {
  let host: string;
  let port: string;
  if (entry.includes('://')) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return undefined;
    [host, port] = [url.hostname.replace(/^\[|\]$/g, ''), url.port || '6379'];
  } else {
    const match = /^\[?([^\]\s]+?)\]?:(\d+)$/.exec(entry);
    if (!match) return undefined;
    [, host, port] = match;
  }
  const number = Number(port);
  if (!host || !Number.isInteger(number) || number < 1 || number > 65_535) return undefined;
  return { host, port: number };
}
