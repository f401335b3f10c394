import { down, type StoreKind, up } from '@mesh/infra';
import { createTestDatabase, dropTestDatabase, openTestDatabase } from '@mesh/messaging/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { CleanupStack } from './cleanup-stack';
import { KillableMongoServer } from './killable-mongo-server';
import { FailoverRedis } from './redis/failover-redis';
import type { RedisMode, RedisUnderTest } from './redis/redis-under-test';
import { SingleRedis } from './redis/single-redis';

/** The stores of one isolated mesh: its own databases and a Redis of its own. */
export interface IsolatedStores {
  /** ORDERS_DATABASE_URL, ANALYTICS_DATABASE_URL, CUSTOMERS_MONGODB_URL and the Redis variables for the services. */
  readonly env: Record<string, string>;
  /** The run's own Redis (one server, a cluster or a Sentinel setup): the scenario interrupts it. */
  readonly redis: RedisUnderTest;
  /** The run's own MongoDB-compatible server, when asked for (`ownMongo`): the soak restarts it. */
  readonly mongo?: KillableMongoServer;
  /** One line per store: what it is and where. */
  readonly description: string[];
}

export interface IsolatedStoresOptions {
  /** A MongoDB-compatible server of the run's own, which the run may restart. */
  ownMongo?: boolean;
  /** One redis-server (the default), a Redis Cluster or a master with Sentinel. */
  redisMode?: RedisMode;
}

/**
 * PostgreSQL and the MongoDB-compatible server come from tools/infra as for `npm test` (the
 * environment, a server already on, or one it starts; the ones it starts are stopped again);
 * on them, fresh databases for this run only. Redis is the run's own (`SingleRedis`, or
 * `FailoverRedis` for a cluster or Sentinel), so that the scenario can kill it without touching
 * the shared one.
 */
export async function startIsolatedStores(
  purpose: string,
  cleanup: CleanupStack,
  log: (line: string) => void,
  { ownMongo = false, redisMode = 'single' }: IsolatedStoresOptions = {},
): Promise<IsolatedStores> {
  const infra = await up({ stores: ownMongo ? ['postgres'] : ['postgres', 'mongo'], log });
  const started: StoreKind[] = infra.startedNow.map((server) => server.store);
  if (started.length > 0) cleanup.defer(`stop ${started.join(', ')}`, () => down({ stores: started, log }));
  const storeEnv = Object.assign({}, ...infra.stores.map((store) => store.env)) as Record<string, string>;
  let mongo: KillableMongoServer | undefined;
  if (ownMongo) {
    const mongoDir = mkdtempSync(join(tmpdir(), `mesh-${purpose}-mongo-`));
    cleanup.defer(`remove ${mongoDir}`, () => rmSync(mongoDir, { recursive: true, force: true }));
    mongo = await KillableMongoServer.start(mongoDir, log);
    const server = mongo;
    cleanup.defer(`stop ${server.kind} on port ${server.port}`, () => server.kill());
    storeEnv['CUSTOMERS_MONGODB_URL'] = server.url('customers');
  }
  // The testing helpers read the server URLs from the environment, dropping the databases too:
  // set for this run and restored once its databases are dropped (this step is undone after them),
  // so that a later run in the same process (the bench's passes) starts from the caller's values.
  cleanup.defer(
    'restore POSTGRES_URL and CUSTOMERS_MONGODB_URL',
    overrideEnv({
      POSTGRES_URL: storeEnv['POSTGRES_URL'],
      CUSTOMERS_MONGODB_URL: storeEnv['CUSTOMERS_MONGODB_URL'],
    }),
  );

  const orders = await createTestDatabase(`${purpose}_orders`);
  cleanup.defer(`drop database ${orders.name}`, () => orders.drop());
  const analytics = await createTestDatabase(`${purpose}_analytics`);
  cleanup.defer(`drop database ${analytics.name}`, () => analytics.drop());
  const customers = await openTestDatabase(`mesh_${purpose}_customers`);
  cleanup.defer(`drop database ${customers.name}`, () => dropTestDatabase(customers));
  const customersUrl = new URL(storeEnv['CUSTOMERS_MONGODB_URL']);
  customersUrl.pathname = `/${customers.name}`;

  const redisDir = mkdtempSync(join(tmpdir(), `mesh-${purpose}-redis-`));
  cleanup.defer(`remove ${redisDir}`, () => rmSync(redisDir, { recursive: true, force: true }));
  const redis = await startRedis(redisMode, redisDir, cleanup, log);

  return {
    env: {
      ORDERS_DATABASE_URL: orders.url,
      ANALYTICS_DATABASE_URL: analytics.url,
      CUSTOMERS_MONGODB_URL: customersUrl.toString(),
      ...redis.env,
    },
    redis,
    mongo,
    description: [
      `PostgreSQL databases ${orders.name}, ${analytics.name}`,
      `MongoDB-compatible database ${customers.name} at ${customersUrl.host}${mongo ? ` (${mongo.kind} of its own)` : ''}`,
      redis.description,
    ],
  };
}

async function startRedis(
  mode: RedisMode,
  dir: string,
  cleanup: CleanupStack,
  log: (line: string) => void,
): Promise<RedisUnderTest> {
  if (mode !== 'single') return FailoverRedis.start(mode, dir, cleanup, log);
  const redis = await SingleRedis.start(dir);
  cleanup.defer('stop the run\'s redis-server', () => redis.kill());
  return redis;
}

/** Sets `values` in process.env. @returns what puts back the values they replaced (or removes them). */
function overrideEnv(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(values)) setEnv(name, value);
  return () => {
    for (const [name, value] of Object.entries(previous)) setEnv(name, value);
  };
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
