import mongoose from 'mongoose';
import { Client } from 'pg';

import { newTestRun } from './test-run';

const postgresUrl = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const mongoUrl = process.env['CUSTOMERS_MONGODB_URL'] ?? 'mongodb://127.0.0.1:27017/customers';

async function postgres<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const postgresDatabases = (prefix: string) =>
  postgres(async (client) =>
    (
      await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
        prefix,
      ])
    ).rows
      .map((row) => row.datname)
      .sort(),
  );

jest.setTimeout(60_000);

describe('a test run drops the databases its tests left behind, and only those', () => {
  const mine = newTestRun();
  const other = newTestRun();
  const ours = `mesh_test_${mine.env.MESH_TEST_RUN}_`;
  const theirs = `mesh_test_${other.env.MESH_TEST_RUN}_`;

  afterAll(async () => {
    await other.dropLeftovers({ postgresUrl, mongoUrl });
  });

  it('PostgreSQL: drops its own, even with a session still open, and keeps another run’s', async () => {
    await postgres(async (client) => {
      for (const name of [`${ours}a_1`, `${ours}b_2`, `${theirs}a_1`]) await client.query(`CREATE DATABASE "${name}"`);
    });
    // A pool that a killed worker left connected.
    const lingering = new Client({ connectionString: postgresUrl.replace(/\/[^/]*$/, `/${ours}a_1`) });
    await lingering.connect();
    lingering.on('error', () => undefined);

    expect(await mine.dropLeftovers({ postgresUrl })).toBe(2);

    expect(await postgresDatabases(ours)).toEqual([]);
    expect(await postgresDatabases(theirs)).toEqual([`${theirs}a_1`]);
    await lingering.end().catch(() => undefined);
  });

  it('MongoDB-compatible store: drops its own and keeps another run’s', async () => {
    const client = new mongoose.mongo.MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5_000 });
    try {
      for (const name of [`${ours}c_3`, `${theirs}c_3`]) await client.db(name).collection('probe').insertOne({ at: 1 });

      expect(await mine.dropLeftovers({ mongoUrl })).toBe(1);

      const names = (await client.db().admin().listDatabases({ nameOnly: true })).databases.map((db) => db.name);
      expect(names.filter((name) => name.startsWith(ours))).toEqual([]);
      expect(names).toContain(`${theirs}c_3`);
    } finally {
      await client.close();
    }
  });
});
