import type { DataSource, EntityManager } from 'typeorm';

import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { countedEvents, testStream } from '../testing/test-streams';
import { InboxRecord } from './inbox-record.entity';
import { TypeormInbox } from './typeorm-inbox';

jest.setTimeout(30_000);

let database: TestDatabase;
let dataSource: DataSource;
const { itemCounted } = testStream();

beforeAll(async () => {
  database = await createTestDatabase('inbox');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE stock (item text PRIMARY KEY, counted int NOT NULL)');
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

beforeEach(() => dataSource.query('TRUNCATE mesh_inbox, stock'));

/** The effect under test: adds the event's amount to its item's stock. */
function countItem(event: ReturnType<typeof countedEvents>[number]) {
  const { itemId, amount } = event.data as { itemId: string; amount: number };
  return async (manager: EntityManager) => {
    await manager.query(
      `INSERT INTO stock (item, counted) VALUES ($1, $2)
       ON CONFLICT (item) DO UPDATE SET counted = stock.counted + EXCLUDED.counted`,
      [itemId, amount],
    );
  };
}

async function stockOf(item: string): Promise<number | undefined> {
  const [row] = await dataSource.query<Array<{ counted: number }>>('SELECT counted FROM stock WHERE item = $1', [item]);
  return row?.counted;
}

describe('TypeormInbox.runOnce', () => {
  it('applies the effect of an event handled twice once', async () => {
    const inbox = new TypeormInbox(dataSource, 'analytics');
    const [, event] = countedEvents(itemCounted, 2);

    expect(await inbox.runOnce(event, countItem(event))).toBe(true);
    expect(await inbox.runOnce(event, countItem(event))).toBe(false);

    expect(await stockOf('item-1')).toBe(1);
    expect(await dataSource.getRepository(InboxRecord).findBy({ eventId: event.id })).toEqual([
      { consumerGroup: 'analytics', eventId: event.id, appliedAt: expect.any(Date) },
    ]);
  });

  it('rolls the inbox record back with an effect that throws, so that a retry applies it', async () => {
    const inbox = new TypeormInbox(dataSource, 'analytics');
    const [, event] = countedEvents(itemCounted, 2);
    const failing = async (manager: EntityManager) => {
      await countItem(event)(manager);
      throw new Error('projection store refused the write');
    };

    await expect(inbox.runOnce(event, failing)).rejects.toThrow('projection store refused the write');
    expect(await stockOf('item-1')).toBeUndefined();
    expect(await dataSource.getRepository(InboxRecord).count()).toBe(0);

    expect(await inbox.runOnce(event, countItem(event))).toBe(true);
    expect(await stockOf('item-1')).toBe(1);
  });

  it('keeps each consumer group apart', async () => {
    const [, event] = countedEvents(itemCounted, 2);
    expect(await new TypeormInbox(dataSource, 'analytics').runOnce(event, countItem(event))).toBe(true);
    expect(await new TypeormInbox(dataSource, 'customers').runOnce(event, countItem(event))).toBe(true);
    expect(await stockOf('item-1')).toBe(2);
  });

  it('applies an event delivered to two replicas at the same time once', async () => {
    const inbox = new TypeormInbox(dataSource, 'analytics');
    const events = countedEvents(itemCounted, 50, 1).map((event, index) => ({
      ...event,
      data: { itemId: 'item-0', amount: index + 1 },
    }));
    // Each event twice, concurrently: the second insert waits for the first transaction, then skips.
    const slowEffect = (event: (typeof events)[number]) => async (manager: EntityManager) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await countItem(event)(manager);
    };
    const results = await Promise.all(
      events.flatMap((event) => [inbox.runOnce(event, slowEffect(event)), inbox.runOnce(event, slowEffect(event))]),
    );
    expect(results.filter(Boolean)).toHaveLength(50);
    expect(await stockOf('item-0')).toBe((50 * 51) / 2);
  });
});

describe('TypeormInbox.record', () => {
  it('records in the caller’s transaction and tells whether the event is new', async () => {
    const inbox = new TypeormInbox(dataSource, 'analytics');
    const [event] = countedEvents(itemCounted, 1);
    const recorded = await dataSource.transaction(async (manager) => [
      await inbox.record(manager, event),
      await inbox.record(manager, event),
    ]);
    expect(recorded).toEqual([true, false]);
  });

  it('refuses an EntityManager that is not in a transaction', async () => {
    const inbox = new TypeormInbox(dataSource, 'analytics');
    const [event] = countedEvents(itemCounted, 1);
    await expect(inbox.record(dataSource.manager, event)).rejects.toThrow(
      `inbox (group analytics): record ${event.id} needs the EntityManager of a running transaction`,
    );
  });
});
