import { defineConfig, envUrl } from '@mesh/service';

/** The customers domain's own database: `@Inject(customersMongodb.KEY)`. */
export const customersMongodb = defineConfig(
  'customersMongodb',
  { CUSTOMERS_MONGODB_URL: envUrl(['mongodb', 'mongodb+srv']) },
  (env) => ({ url: env.CUSTOMERS_MONGODB_URL }),
);

export type CustomersMongodbConfig = ReturnType<typeof customersMongodb>;
