import type { RedisTarget } from '@mesh/service';

/** How the run's Redis is laid out: `npm run e2e -- --redis=<mode>`. */
export type RedisMode = 'single' | 'cluster' | 'sentinel';

export const REDIS_MODES: readonly RedisMode[] = ['single', 'cluster', 'sentinel'];

/** What the scenario's Redis fault did. */
export interface RedisFaultReport {
  /** From the fault until Redis served writes again (restarted, or a replica promoted). */
  seconds: number;
  /** The fault in words, for the report: "SIGKILL of redis-server, restarted on its port after 10.0 s". */
  description: string;
}

/**
 * The run's own Redis, of one layout or another: what the services are given, how the run's
 * own connections reach it, and the fault the scenario inflicts on it.
 */
export interface RedisUnderTest {
  readonly mode: RedisMode;
  /** The services' variables: REDIS_URL, or REDIS_CLUSTER_NODES / REDIS_SENTINELS with REDIS_URL emptied. */
  readonly env: Record<string, string>;
  /** For the run's own connections (`withRedis`): a URL, or the cluster or Sentinel topology. */
  readonly target: RedisTarget;
  /** One line for the run's list of stores. */
  readonly description: string;
  /**
   * SIGKILL of the server that holds the orders stream: one server stays down `downMs` and comes
   * back on its port; a cluster's or Sentinel's master is replaced by its replica, and the
   * killed node comes back as a replica. `whileDown` runs meanwhile.
   */
  interrupt(downMs: number, whileDown: () => Promise<unknown>): Promise<RedisFaultReport>;
}

/** `--redis=<mode>` among the arguments; `single` when absent. */
export function redisModeOf(argv: readonly string[]): RedisMode {
  const given = argv.find((argument) => argument.startsWith('--redis='));
  if (given === undefined) return 'single';
  const mode = given.slice('--redis='.length);
  if (!(REDIS_MODES as readonly string[]).includes(mode)) {
    throw new Error(`--redis must be one of ${REDIS_MODES.join(', ')}, got "${mode}"`);
  }
  return mode as RedisMode;
}
