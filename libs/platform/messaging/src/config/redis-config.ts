import {
  defineConfig,
  envInt,
  type RedisTopology,
  redisTopology,
  redisTopologyVariables,
  redisUsername,
} from '@mesh/service';
import { z } from 'zod';

import { busRetention, busRetentionVariables } from './bus-retention';
import { replicaWait, replicaWaitVariables } from './replica-wait';

/**
 * The event bus connection of a domain service: `@Inject(redisConfig.KEY)`. Compose it into
 * `ServiceModule.forRoot({ config: [redisConfig] })` so that a missing or malformed setting stops
 * the service at start-up with a message naming it. Every variable takes `_FILE` (a secret).
 *
 * The topology: one server (REDIS_URL), a Redis Cluster (REDIS_CLUSTER_NODES) or a master behind
 * Sentinel (REDIS_SENTINELS and REDIS_SENTINEL_MASTER); exactly one of them. Clients are made
 * from `topology` with `createRedisClient` (`@mesh/service`).
 *
 * A service connects as its domain's ACL user (`npm run mesh -- acl`): either in the URL
 * (`redis://orders:<password>@redis:6379`) or with REDIS_USERNAME and REDIS_PASSWORD (or
 * REDIS_PASSWORD_FILE, a Swarm secret), which replace the URL's. The topology then carries
 * them, so every client made from it (streams, readiness, BullMQ) authenticates; never log it.
 */
export const redisConfig = defineConfig(
  'redis',
  {
    ...redisTopologyVariables,
    /** One consumer per replica; defaults to `<host name>-<pid>`. */
    CONSUMER_NAME: z.string().min(1).optional(),
    /** Another replica's consumer idle this long with nothing pending belonged to a crashed replica: removed. */
    IDLE_CONSUMER_REMOVED_AFTER_SECONDS: envInt({ min: 1 }).default(600),
    ...replicaWaitVariables,
    ...busRetentionVariables,
  },
  (env) => {
    const topology = redisTopology(env);
    const config = {
      topology,
      username: redisUsername(topology),
      consumerName: env.CONSUMER_NAME,
      idleConsumerMs: env.IDLE_CONSUMER_REMOVED_AFTER_SECONDS * 1_000,
      replicaWait: replicaWait(env, topology),
      retention: busRetention(env),
    };
    // Not enumerable: equality checks and copies of the config never read it.
    return Object.defineProperty(config, 'url', {
      get: () => singleServerUrl(topology),
    }) as typeof config & {
      /** REDIS_URL with its credentials, for a client of one server; throws on another topology. */
      readonly url: string;
    };
  },
);

export type RedisConfig = ReturnType<typeof redisConfig>;

function singleServerUrl(topology: RedisTopology): string {
  if (topology.kind === 'single') return topology.url;
  throw new Error(
    `the event bus is a Redis ${topology.kind} (REDIS_${topology.kind === 'cluster' ? 'CLUSTER_NODES' : 'SENTINELS'}), not one server: connect with createRedisClient(config.topology)`,
  );
}
