import { down, type StoreKind, up } from '@mesh/infra';
import { createTestDatabase, dropTestDatabase, KillableRedisServer, openTestDatabase } from '@mesh/messaging/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { CleanupStack } from './cleanup-stack';
import { KillableMongoServer } from './killable-mongo-server';

/** The stores of one isolated mesh: its own databases and a Redis server of its own. */
export interface IsolatedStores {
  /** ORDERS_DATABASE_URL, ANALYTICS_DATABASE_URL, CUSTOMERS_MONGODB_URL and REDIS_URL for the services. */
  readonly env: Record<string, string>;
  /** The run's own redis-server: the scenario kills and restarts it. */
  readonly redis: KillableRedisServer;
  /** The run's own MongoDB-compatible server, when asked for (`ownMongo`): the soak restarts it. */
  readonly mongo?: KillableMongoServer;
  /** One line per store: what it is and where. */
  readonly description: string[];
}

/**
 * PostgreSQL and the MongoDB-compatible server come from tools/infra as for `npm test` (the
 * environment, a server already on, or one it starts; the ones it starts are stopped again);
 * on them, fresh databases for this run only. Redis is a redis-server of this run's own on a free
 * port, with an append-only file fsynced at every write, so that the scenario can kill it
 * without touching the shared one and without losing what it acknowledged.
 */
export async function startIsolatedStores(
  purpose: string,
  cleanup: CleanupStack,
  log: (line: string) => void,
  ownMongo = false,
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
  // The testing helpers read the server URLs from the environment.
  process.env['POSTGRES_URL'] = storeEnv['POSTGRES_URL'];
  process.env['CUSTOMERS_MONGODB_URL'] = storeEnv['CUSTOMERS_MONGODB_URL'];

  const orders = await createTestDatabase(`${purpose}_orders`);
  cleanup.defer(`drop database ${orders.name}`, () => orders.drop());
  const analytics = await createTestDatabase(`${purpose}_analytics`);
  cleanup.defer(`drop database ${analytics.name}`, () => analytics.drop());
  const customers = await openTestDatabase(`mesh_${purpose}_customers`);
  cleanup.defer(`drop database ${customers.name}`, () => dropTestDatabase(customers));
  const customersUrl = new URL(storeEnv['CUSTOMERS_MONGODB_URL']);
  customersUrl.pathname = `/${customers.name}`;

  const appendOnlyDir = mkdtempSync(join(tmpdir(), `mesh-${purpose}-redis-`));
  cleanup.defer(`remove ${appendOnlyDir}`, () => rmSync(appendOnlyDir, { recursive: true, force: true }));
  const redis = await KillableRedisServer.start({ appendOnlyDir });
  cleanup.defer(`stop redis-server on port ${redis.port}`, () => redis.kill());

  return {
    env: {
      ORDERS_DATABASE_URL: orders.url,
      ANALYTICS_DATABASE_URL: analytics.url,
      CUSTOMERS_MONGODB_URL: customersUrl.toString(),
      REDIS_URL: redis.url,
    },
    redis,
    mongo,
    description: [
      `PostgreSQL databases ${orders.name}, ${analytics.name}`,
      `MongoDB-compatible database ${customers.name} at ${customersUrl.host}${mongo ? ` (${mongo.kind} of its own)` : ''}`,
      `redis-server of its own at ${redis.url} (append-only file in ${appendOnlyDir})`,
    ],
  };
}
