import type { DataSource } from 'typeorm';

import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';

jest.setTimeout(30_000);

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase('migrations');
  dataSource = await openDataSource(database.url);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function tables(): Promise<string[]> {
  const rows = await dataSource.query<Array<{ name: string }>>(
    `SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'mesh_%' ORDER BY tablename`,
  );
  return rows.map((row) => row.name);
}

describe('outbox and inbox migrations', () => {
  it('create exactly the tables that the entities describe', async () => {
    await dataSource.runMigrations();
    expect(await tables()).toEqual(['mesh_inbox', 'mesh_outbox']);

    // What `typeorm migration:generate` would write for the registered entities: nothing.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('are checked for real: a missing index shows up as a difference', async () => {
    await dataSource.query('DROP INDEX mesh_outbox_unsent');
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([
        expect.stringMatching(
          /CREATE INDEX "mesh_outbox_unsent" ON "mesh_outbox"\s+\("position"\) WHERE "sent_at" IS NULL/,
        ),
      ]);
    } finally {
      await dataSource.query(`CREATE INDEX mesh_outbox_unsent ON mesh_outbox (position) WHERE sent_at IS NULL`);
    }
  });

  it('index only the unsent outbox rows', async () => {
    const [index] = await dataSource.query<Array<{ definition: string }>>(
      `SELECT indexdef AS definition FROM pg_indexes WHERE indexname = 'mesh_outbox_unsent'`,
    );
    expect(index.definition).toMatch(/ON public\.mesh_outbox USING btree \("position"\) WHERE \(sent_at IS NULL\)/);
  });

  it('revert cleanly', async () => {
    await dataSource.undoLastMigration();
    await dataSource.undoLastMigration();
    await dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
  });
});
