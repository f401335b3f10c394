import type { StartedServer } from '../stores/store-types';

/** Redis setups of several processes that `npm run infra:up -- <name>` starts beside the single Redis store. */
export type RedisTopologyKind = 'redis-cluster' | 'redis-sentinel';

export const ALL_TOPOLOGIES: readonly RedisTopologyKind[] = ['redis-cluster', 'redis-sentinel'];

/** One setup infra started; persisted in .mesh/infra-state.json beside the stores. */
export interface StartedTopology {
  topology: RedisTopologyKind;
  /** Every process, each stopped (and only if still ours) by `down`. */
  members: StartedServer[];
  /** Its KEY=VALUE file (.mesh/redis-cluster.env), removed by `down`. */
  envFile: string;
  /** Parent of the members' data directories. */
  dataDir: string;
  startedAt: string;
}

/** How infra's own connections authenticate to nodes started with an ACL file (the `default` user is off there). */
export interface AdminCredentials {
  username: string;
  password: string;
}

/** A Redis node as tests see it: where it listens and the pid to SIGKILL. */
export interface RedisNode {
  host: '127.0.0.1';
  port: number;
  pid: number;
  /** What the node reports now (`CLUSTER NODES` / `ROLE`), which changes after a failover. */
  role: 'master' | 'replica';
  /** The process as infra started it (for `startAgain` after a test's SIGKILL). */
  server: StartedServer;
}
