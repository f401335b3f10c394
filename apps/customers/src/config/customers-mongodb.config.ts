import { defineConfig, envInt, envUrl } from '@mesh/service';

/** The customers domain's own database: `@Inject(customersMongodb.KEY)`. */
export const customersMongodb = defineConfig(
  'customersMongodb',
  {
    CUSTOMERS_MONGODB_URL: envUrl(['mongodb', 'mongodb+srv']),
    /** `maxTimeMS` of every query and aggregation: the server stops one that runs longer (a 503). */
    CUSTOMERS_MONGODB_MAX_TIME_MS: envInt({ min: 1 }).default(30_000),
    /** How long an operation waits for a free connection of the pool before it fails (a 503). */
    CUSTOMERS_MONGODB_ACQUIRE_TIMEOUT_MS: envInt({ min: 1 }).default(10_000),
    /** How long an operation waits for a reachable server before it fails (a 503). */
    CUSTOMERS_MONGODB_SERVER_SELECTION_TIMEOUT_MS: envInt({ min: 1 }).default(5_000),
  },
  (env) => ({
    url: env.CUSTOMERS_MONGODB_URL,
    maxTimeMs: env.CUSTOMERS_MONGODB_MAX_TIME_MS,
    acquireTimeoutMs: env.CUSTOMERS_MONGODB_ACQUIRE_TIMEOUT_MS,
    serverSelectionTimeoutMs: env.CUSTOMERS_MONGODB_SERVER_SELECTION_TIMEOUT_MS,
  }),
);

export type CustomersMongodbConfig = ReturnType<typeof customersMongodb>;
