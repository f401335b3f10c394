import { createTestDatabase, type TestDatabase } from '@mesh/messaging/testing';
import { InboxRecord, OutboxMessage } from '@mesh/messaging/typeorm';
import { DataSource } from 'typeorm';

import { ordersEntities } from '../database/orders-typeorm.module';
import { ordersMigrations } from './index';

jest.setTimeout(30_000);

describe('orders migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('orders_migrations');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      entities: [...ordersEntities, OutboxMessage, InboxRecord],
      migrations: ordersMigrations,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('create exactly the schema the entities describe', async () => {
    await dataSource.runMigrations();
    // What `migration:generate` would write: nothing, when migrations and entities agree.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('revert one by one to an empty database and apply again', async () => {
    for (let step = 0; step < ordersMigrations.length; step += 1) await dataSource.undoLastMigration();
    const tables = await dataSource.query<Array<{ name: string }>>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);

    const applied = await dataSource.runMigrations();
    expect(applied.map((migration) => migration.name)).toEqual(ordersMigrations.map((migration) => migration.name));
  });
});
