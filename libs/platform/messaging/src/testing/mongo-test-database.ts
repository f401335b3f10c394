import mongoose, { Connection } from 'mongoose';

import { testDatabaseName } from './test-database-name';

export function mongoUrl(): string {
  return process.env['CUSTOMERS_MONGODB_URL'] ?? 'mongodb://127.0.0.1:27017/customers';
}

/** A connection to a database of its own, so that test files never see each other's documents. */
export async function openTestDatabase(prefix: string): Promise<Connection> {
  const url = new URL(mongoUrl());
  url.pathname = `/${testDatabaseName(prefix)}`;
  // A small pool: FerretDB (v1, SQLite) answers many concurrent writes to one database with
  // "database is locked" once they queue longer than its 10 s busy timeout.
  return mongoose.createConnection(url.toString(), { serverSelectionTimeoutMS: 5_000, maxPoolSize: 10 }).asPromise();
}

export async function dropTestDatabase(connection: Connection | undefined): Promise<void> {
  await connection?.dropDatabase();
  await connection?.close();
}

/** FerretDB answers buildInfo with its own version next to the MongoDB one it emulates. */
export async function isFerretDb(connection: Connection): Promise<boolean> {
  const info = await connection.db?.admin().command({ buildInfo: 1 });
  return info?.['ferretdbVersion'] !== undefined;
}
