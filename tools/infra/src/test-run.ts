import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The prefix of every test database (`testDatabaseName` in @mesh/messaging/testing). */
const TEST_DATABASE_PREFIX = 'mesh_test_';

export interface TestRun {
  /** MESH_TEST_RUN for the tests: their databases are named `mesh_test_<run>_…`. */
  readonly env: { readonly MESH_TEST_RUN: string };
  /** Drops this run's databases that are still there; returns how many it dropped. */
  dropLeftovers(stores: { postgresUrl?: string; mongoUrl?: string }): Promise<number>;
}

/** One `npm test` run, whose leftovers can be told apart from another run's. */
export function newTestRun(): TestRun {
  const run = `r${randomBytes(3).toString('hex')}`;
  const prefix = `${TEST_DATABASE_PREFIX}${run}_`;
  return {
    env: { MESH_TEST_RUN: run },
    dropLeftovers: async ({ postgresUrl, mongoUrl }) =>
      (postgresUrl ? await dropPostgresDatabases(postgresUrl, prefix) : 0) +
      (mongoUrl ? await dropMongoDatabases(mongoUrl, prefix) : 0),
  };
}

async function dropPostgresDatabases(url: string, prefix: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    // FORCE ends the sessions that a killed worker's pool may still hold.
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.length;
  } finally {
    await client.end();
  }
}

async function dropMongoDatabases(url: string, prefix: string): Promise<number> {
  const client = new mongoose.mongo.MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    const leftovers = databases.map((database) => database.name).filter((name) => name.startsWith(prefix));
    for (const name of leftovers) await client.db(name).dropDatabase();
    return leftovers.length;
  } finally {
    await client.close();
  }
}
