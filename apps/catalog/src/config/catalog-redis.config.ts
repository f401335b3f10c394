import { withRedisCredentials } from '@mesh/messaging';
import { ConfigValidationError, defineConfig, envInt, envUrl } from '@mesh/service';
import { z } from 'zod';

/**
 * The catalog's read access to the event bus, for live samples: `@Inject(catalogRedisConfig.KEY)`.
 * The same variables as a domain's `redisConfig` (REDIS_URL, REDIS_USERNAME, REDIS_PASSWORD or
 * REDIS_PASSWORD_FILE), but optional: without REDIS_URL the catalog runs as before and its
 * sample views say that the bus is not configured. Behind an ACL it connects as `mesh-catalog`
 * (`npm run mesh -- acl`), which may only read (XRANGE, XREVRANGE) the mesh's output streams.
 */
export const catalogRedisConfig = defineConfig(
  'catalogRedis',
  {
    REDIS_URL: envUrl(['redis', 'rediss']).optional(),
    REDIS_USERNAME: z.string().min(1).optional(),
    REDIS_PASSWORD: z.string().min(1).optional(),
    /** How long one read of samples may take before the view shows the bus as unreachable. */
    CATALOG_REDIS_TIMEOUT_MS: envInt({ min: 100, max: 60_000 }).default(2_000),
  },
  (env) => {
    if (env.REDIS_USERNAME && !env.REDIS_PASSWORD) {
      // ioredis would silently connect as the default user instead.
      throw new ConfigValidationError([
        { variable: 'REDIS_PASSWORD', message: 'required when REDIS_USERNAME is set (or set REDIS_PASSWORD_FILE)' },
      ]);
    }
    const url = env.REDIS_URL
      ? withRedisCredentials(env.REDIS_URL, { username: env.REDIS_USERNAME, password: env.REDIS_PASSWORD })
      : undefined;
    return { url, timeoutMs: env.CATALOG_REDIS_TIMEOUT_MS };
  },
);

export type CatalogRedisConfig = ReturnType<typeof catalogRedisConfig>;
