import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

import { WORKSPACE_ROOT } from '../workspace';

/**
 * deploy/mongo/create-domain-users.js runs in mongosh when the MongoDB volume is new. No mongod
 * exists on this machine (FerretDB, which the Swarm test deploys, has no users), so the script
 * runs here in a context with mongosh's globals it uses: `db.getSiblingDB().createUser()` recorded,
 * `print`, `require` and `process.env`.
 */
const SCRIPT = readFileSync(join(WORKSPACE_ROOT, 'deploy/mongo/create-domain-users.js'), 'utf8');

interface CreatedUser {
  database: string;
  user: string;
  pwd: string;
  roles: Array<{ role: string; db: string }>;
}

describe('deploy/mongo/create-domain-users.js', () => {
  let secrets: string;

  beforeEach(() => {
    secrets = mkdtempSync(join(tmpdir(), 'mongo-domain-users-'));
  });
  afterEach(() => rmSync(secrets, { recursive: true, force: true }));

  /** Runs the script with `urls` as `<VARIABLE>: url` secret files; what it created, or its error. */
  function runWith(urls: Record<string, string>, otherEnv: Record<string, string> = {}, existing: CreatedUser[] = []) {
    const env: Record<string, string> = { ...otherEnv };
    for (const [variable, url] of Object.entries(urls)) {
      const file = join(secrets, variable.toLowerCase());
      writeFileSync(file, `${url}\n`);
      env[variable] = file;
    }
    const created: CreatedUser[] = [];
    const printed: string[] = [];
    const db = {
      getSiblingDB: (database: string) => ({
        // mongosh's getUser: the user's document, or null when the database has no such user.
        getUser: (user: string) =>
          [...existing, ...created].find((known) => known.database === database && known.user === user) ?? null,
        createUser: (spec: Omit<CreatedUser, 'database'>) => created.push({ database, ...spec }),
      }),
    };
    const context = { db, print: (line: string) => printed.push(line), require: createRequire(__filename), process: { env }, URL };
    try {
      runInNewContext(SCRIPT, context);
      return { created, printed, error: undefined };
    } catch (error) {
      return { created, printed, error: (error as Error).message };
    }
  }

  it('creates the user of every domain URL in the environment, with readWrite on its database only', () => {
    const { created, printed, error } = runWith(
      {
        CUSTOMERS_MONGODB_URL_FILE: 'mongodb://customers:c0ffee@mongo:27017/customers',
        LOYALTY_POINTS_MONGODB_URL_FILE: 'mongodb://loyalty_points:p%40ss%2Fword@mongo:27017/loyalty_points?authSource=loyalty_points',
      },
      { MONGO_INITDB_ROOT_USERNAME: 'root', ORDERS_DATABASE_URL_FILE: '/run/secrets/not-for-mongo' },
    );
    expect(error).toBeUndefined();
    expect(created).toEqual([
      { database: 'customers', user: 'customers', pwd: 'c0ffee', roles: [{ role: 'readWrite', db: 'customers' }] },
      {
        database: 'loyalty_points',
        user: 'loyalty_points',
        pwd: 'p@ss/word',
        roles: [{ role: 'readWrite', db: 'loyalty_points' }],
      },
    ]);
    expect(printed).toEqual([
      'create-domain-users: user customers on database customers (from CUSTOMERS_MONGODB_URL_FILE)',
      'create-domain-users: user loyalty_points on database loyalty_points (from LOYALTY_POINTS_MONGODB_URL_FILE)',
    ]);
  });

  it('runs again over existing users and creates only the missing ones', () => {
    const customers = { database: 'customers', user: 'customers', pwd: 'c0ffee', roles: [{ role: 'readWrite', db: 'customers' }] };
    const { created, printed, error } = runWith(
      {
        CUSTOMERS_MONGODB_URL_FILE: 'mongodb://customers:c0ffee@mongo:27017/customers',
        PAYMENTS_MONGODB_URL_FILE: 'mongodb://payments:d00d@mongo:27017/payments',
      },
      {},
      [customers],
    );
    expect(error).toBeUndefined();
    expect(created).toEqual([
      { database: 'payments', user: 'payments', pwd: 'd00d', roles: [{ role: 'readWrite', db: 'payments' }] },
    ]);
    expect(printed[0]).toBe('create-domain-users: user customers on database customers exists (from CUSTOMERS_MONGODB_URL_FILE)');
  });

  it.each([
    ['no user', 'mongodb://mongo:27017/customers'],
    ['no password', 'mongodb://customers@mongo:27017/customers'],
    ['no database', 'mongodb://customers:c0ffee@mongo:27017/'],
    ['another scheme', 'postgres://customers:c0ffee@mongo:27017/customers'],
  ])('refuses a URL with %s, naming the variable, and creates nobody', (_, url) => {
    const { created, error } = runWith({ CUSTOMERS_MONGODB_URL_FILE: url });
    expect(error).toBe(
      'create-domain-users: CUSTOMERS_MONGODB_URL_FILE must name a URL mongodb://<user>:<password>@<host>/<database>',
    );
    expect(created).toEqual([]);
  });

  it('fails when no domain URL is given, rather than leaving MongoDB without users', () => {
    const { created, error } = runWith({}, { MONGO_INITDB_ROOT_USERNAME: 'root' });
    expect(error).toBe('create-domain-users: no <DOMAIN>_MONGODB_URL_FILE variable: no domain user created');
    expect(created).toEqual([]);
  });
});
