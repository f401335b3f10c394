import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { CreateMeshInbox1795588226593 } from '../inbox-typeorm/create-mesh-inbox.migration';
import { InboxRecord } from '../inbox-typeorm/inbox-record.entity';
import { IndexMeshInboxByAge1796600033689 } from '../inbox-typeorm/index-mesh-inbox-by-age.migration';
import { CreateMeshOutbox1795588226592 } from '../outbox-typeorm/create-mesh-outbox.migration';
import { OutboxMessage } from '../outbox-typeorm/outbox-message.entity';
import { testDatabaseName } from './test-database-name';

export function postgresUrl(): string {
  return process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A throwaway database for one test file, so that files running in parallel never meet. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(purpose: string): Promise<TestDatabase> {
  const name = testDatabaseName(purpose);
  await asAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE ends the sessions a failed test may have left behind.
    drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A data source on `url` that knows the outbox and inbox entities and migrations. */
export async function openDataSource(url: string, poolSize = 10): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    poolSize,
    entities: [OutboxMessage, InboxRecord],
    migrations: [CreateMeshOutbox1795588226592, CreateMeshInbox1795588226593, IndexMeshInboxByAge1796600033689],
  });
  return dataSource.initialize();
}

async function asAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
