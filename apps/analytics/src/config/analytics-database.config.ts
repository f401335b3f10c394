import { defineConfig, envInt, envUrl } from '@mesh/service';

/** Connections the API, the outbox relay and the rollup keep for themselves, whatever the handlers do. */
const RESERVED_CONNECTIONS = 4;
/**
 * The transport reads up to its free slots from each input stream in one XREADGROUP (COUNT is per
 * stream), so up to twice the configured concurrency of handlers can run at once.
 */
const HANDLERS_PER_SLOT = 2;

/** The analytics domain's own PostgreSQL database (`analytics`): `@Inject(analyticsDatabase.KEY)`. */
export const analyticsDatabase = defineConfig(
  'database',
  {
    ANALYTICS_DATABASE_URL: envUrl(['postgres', 'postgresql']),
    ANALYTICS_DATABASE_POOL_SIZE: envInt({ min: 6, max: 200 }).default(20),
    /** PostgreSQL cancels a statement of the main pool that runs longer (a rebuild has a pool of its own). */
    ANALYTICS_DATABASE_STATEMENT_TIMEOUT_MS: envInt({ min: 1 }).default(30_000),
    /** A request or a handler waits this long for a free connection of the main pool, then fails. */
    ANALYTICS_DATABASE_ACQUIRE_TIMEOUT_MS: envInt({ min: 1 }).default(10_000),
    /**
     * Live handlers at once. Capped so that, while a rebuild's swap holds the handlers back, they
     * cannot take every connection of the pool and starve the API.
     */
    ANALYTICS_CONSUMER_CONCURRENCY: envInt({ min: 1, max: 64 }).default(8),
  },
  (env) => ({
    url: env.ANALYTICS_DATABASE_URL,
    poolSize: env.ANALYTICS_DATABASE_POOL_SIZE,
    statementTimeoutMs: env.ANALYTICS_DATABASE_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: env.ANALYTICS_DATABASE_ACQUIRE_TIMEOUT_MS,
    consumerConcurrency: Math.max(
      1,
      Math.min(
        env.ANALYTICS_CONSUMER_CONCURRENCY,
        Math.floor((env.ANALYTICS_DATABASE_POOL_SIZE - RESERVED_CONNECTIONS) / HANDLERS_PER_SLOT),
      ),
    ),
  }),
);
