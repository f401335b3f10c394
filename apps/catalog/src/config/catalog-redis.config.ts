import { defineConfig, envInt, redisTopology, redisTopologyVariables } from '@mesh/service';

/**
 * The catalog's read access to the event bus, for live samples: `@Inject(catalogRedisConfig.KEY)`.
 * The same variables as a domain's `redisConfig` (REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS
 * with REDIS_SENTINEL_MASTER; REDIS_USERNAME, REDIS_PASSWORD or REDIS_PASSWORD_FILE), but optional:
 * without any of them the catalog runs as before and its sample views say that the bus is not
 * configured. Behind an ACL it connects as `mesh-catalog` (`npm run mesh -- acl`), which may only
 * read (XRANGE, XREVRANGE) the mesh's output streams.
 */
export const catalogRedisConfig = defineConfig(
  'catalogRedis',
  {
    ...redisTopologyVariables,
    /** How long one read of samples may take before the view shows the bus as unreachable. */
    CATALOG_REDIS_TIMEOUT_MS: envInt({ min: 100, max: 60_000 }).default(2_000),
  },
  (env) => {
    const named = env.REDIS_URL || env.REDIS_CLUSTER_NODES?.length || env.REDIS_SENTINELS?.length;
    // redisTopology also names what is wrong when only part of a topology is set (a master without sentinels).
    const configured = named || env.REDIS_SENTINEL_MASTER || env.REDIS_USERNAME;
    return { topology: configured ? redisTopology(env) : undefined, timeoutMs: env.CATALOG_REDIS_TIMEOUT_MS };
  },
);

export type CatalogRedisConfig = ReturnType<typeof catalogRedisConfig>;
