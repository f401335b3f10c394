import { mongoDriver } from './mongo';
import { postgresDriver } from './postgres';
import { redisDriver } from './redis';
import type { StoreDriver } from './store-driver';
import type { StoreKind } from './store-types';

export const DRIVERS: Record<StoreKind, StoreDriver> = {
  postgres: postgresDriver,
  redis: redisDriver,
  mongo: mongoDriver,
};

/** The variables each store contributes to .mesh/env; `down` removes them with the store. */
export const ENV_KEYS: Record<StoreKind, readonly string[]> = {
  postgres: ['POSTGRES_URL', 'ORDERS_DATABASE_URL', 'ANALYTICS_DATABASE_URL'],
  redis: ['REDIS_URL'],
  mongo: ['CUSTOMERS_MONGODB_URL'],
};
