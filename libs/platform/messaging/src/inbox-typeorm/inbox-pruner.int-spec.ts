import type { DataSource } from 'typeorm';

import { createTestDatabase, openDataSource, type TestDatabase } from '../testing/test-database';
import { InboxPruner } from './inbox-pruner.provider';

jest.setTimeout(30_000);

const DAY_MS = 24 * 3_600_000;

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase('inbox_pruner');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

/** `count` records of `group` applied `daysAgo` days before now. */
async function applied(group: string, count: number, daysAgo: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO mesh_inbox (consumer_group, event_id, applied_at)
     SELECT $1, gen_random_uuid(), now() - $2 * interval '1 day' FROM generate_series(1, $3)`,
    [group, daysAgo, count],
  );
}

async function countOf(group: string): Promise<number> {
  const [row] = await dataSource.query<Array<{ count: number }>>(
    'SELECT count(*)::int AS count FROM mesh_inbox WHERE consumer_group = $1',
    [group],
  );
  return row.count;
}

describe('InboxPruner', () => {
  it('deletes the records older than the kept window, of every group, in chunks, and keeps the rest', async () => {
    await applied('orders', 2_500, 31);
    await applied('orders', 40, 29);
    await applied('orders-rebuild-1', 10, 45);

    const pruner = new InboxPruner(dataSource, 30 * DAY_MS, 60_000);

    expect(await pruner.prune()).toBe(2_510);
    expect(await countOf('orders')).toBe(40);
    expect(await countOf('orders-rebuild-1')).toBe(0);
    expect(await pruner.prune()).toBe(0);
  });

  it('finds old records through the applied_at index', async () => {
    // As on a table large enough for the planner to prefer the index over reading it all.
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return manager.query<unknown[]>(
        'EXPLAIN SELECT ctid FROM mesh_inbox WHERE applied_at < now() ORDER BY applied_at LIMIT 10',
      );
    });
    expect(JSON.stringify(plan)).toContain('mesh_inbox_applied_at_idx');
  });
});
