import { defineConfig, envInt, envUrl } from '@mesh/service';

/** The orders domain's own PostgreSQL database: `@Inject(ordersDatabase.KEY)`. */
export const ordersDatabase = defineConfig(
  'database',
  {
    ORDERS_DATABASE_URL: envUrl(['postgres', 'postgresql']),
    /** Connections per replica; the outbox relay keeps one of them while it is the active relay. */
    ORDERS_DATABASE_POOL_SIZE: envInt({ min: 2, max: 100 }).default(10),
  },
  (env) => ({ url: env.ORDERS_DATABASE_URL, poolSize: env.ORDERS_DATABASE_POOL_SIZE }),
);
