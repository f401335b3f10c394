import { defineConfig, envInt, envUrl } from '@mesh/service';

/** The orders domain's own PostgreSQL database: `@Inject(ordersDatabase.KEY)`. */
export const ordersDatabase = defineConfig(
  'database',
  {
    ORDERS_DATABASE_URL: envUrl(['postgres', 'postgresql']),
    /** Connections per replica; the outbox relay keeps one of them while it is the active relay. */
    ORDERS_DATABASE_POOL_SIZE: envInt({ min: 2, max: 100 }).default(10),
    /** PostgreSQL cancels a statement that runs longer; the request gets a 503. */
    ORDERS_DATABASE_STATEMENT_TIMEOUT_MS: envInt({ min: 1 }).default(30_000),
    /** A request waits this long for a free connection of the pool, then gets a 503. */
    ORDERS_DATABASE_ACQUIRE_TIMEOUT_MS: envInt({ min: 1 }).default(10_000),
  },
  (env) => ({
    url: env.ORDERS_DATABASE_URL,
    poolSize: env.ORDERS_DATABASE_POOL_SIZE,
    statementTimeoutMs: env.ORDERS_DATABASE_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: env.ORDERS_DATABASE_ACQUIRE_TIMEOUT_MS,
  }),
);
