import { EventEnvelope } from '@mesh/contract-kit';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { createTestDatabase, openDataSource, TestDatabase } from '../testing/test-database';
import { countedEvents, testStream } from '../testing/test-streams';
import { OutboxMessage } from './outbox-message.entity';
import { TypeormOutbox } from './typeorm-outbox';

jest.setTimeout(30_000);

let database: TestDatabase;
let dataSource: DataSource;
const { stream, itemCounted, catalog } = testStream();
const outbox = new TypeormOutbox(catalog);

beforeAll(async () => {
  database = await createTestDatabase('outbox');
  dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

beforeEach(() => dataSource.query('TRUNCATE mesh_outbox'));

function storedRows(): Promise<OutboxMessage[]> {
  return dataSource.getRepository(OutboxMessage).find({ order: { position: 'ASC' } });
}

describe('TypeormOutbox.add', () => {
  it('writes the events in the given order with their stream, type and subject', async () => {
    const events = countedEvents(itemCounted, 5, 2);
    await dataSource.transaction((manager) => outbox.add(manager, events));

    const rows = await storedRows();
    expect(rows.map((row) => row.eventId)).toEqual(events.map((event) => event.id));
    expect(rows.map((row) => row.envelope)).toEqual(events);
    expect(rows[1]).toMatchObject({
      stream,
      type: 'test.item.counted',
      subject: 'item-1',
      sentAt: null,
    });
    expect(rows[0].createdAt).toBeInstanceOf(Date);
  });

  it('keeps the text of the envelope as written', async () => {
    const [event] = countedEvents(itemCounted, 1);
    await dataSource.transaction((manager) => outbox.add(manager, [event]));
    const [{ text }] = await dataSource.query<Array<{ text: string }>>(
      'SELECT envelope::text AS text FROM mesh_outbox',
    );
    expect(text).toBe(JSON.stringify(event));
  });

  it('refuses an invalid event before writing any of the batch', async () => {
    const [valid, other] = countedEvents(itemCounted, 2);
    const invalid = {
      ...other,
      data: { itemId: 'x', amount: 'many' },
    } as EventEnvelope;

    const attempt = dataSource.transaction((manager) => outbox.add(manager, [valid, invalid]));

    await expect(attempt).rejects.toThrow(
      `outbox: cannot add test.item.counted ${invalid.id}: test.item.counted data is invalid`,
    );
    await expect(attempt).rejects.toHaveProperty('cause.name', 'EventValidationError');
    expect(await storedRows()).toEqual([]);
  });

  it.each([
    ['an unknown type', { type: 'test.item.lost' }, /not an event type of this producer/],
    ['another schema version', { dataschema: 'urn:mesh:schema:test.item.counted:v9' }, /dataschema .* is not/],
    ['an id that is not a UUIDv7', { id: '6f1c6e2a-2f5b-4c1e-9d7a-1b2c3d4e5f60' }, /is not a UUIDv7/],
    ['an unknown data field', { data: { itemId: 'x', amount: 1, extra: true } }, /additionalProperties/],
    ['no subject', { subject: '' }, /subject \(the aggregate id\) is required/],
  ])('refuses an event with %s', async (_case, change, reason) => {
    const [event] = countedEvents(itemCounted, 1);
    const attempt = dataSource.transaction((manager) =>
      outbox.add(manager, [{ ...event, ...change } as EventEnvelope]),
    );
    await expect(attempt).rejects.toThrow(reason);
  });

  it('refuses an EntityManager that is not in a transaction', async () => {
    await expect(outbox.add(dataSource.manager, countedEvents(itemCounted, 1))).rejects.toThrow(
      /needs the EntityManager of a running transaction/,
    );
  });

  it('refuses the same event twice, which would publish it twice', async () => {
    const [event] = countedEvents(itemCounted, 1);
    await dataSource.transaction((manager) => outbox.add(manager, [event]));
    await expect(dataSource.transaction((manager) => outbox.add(manager, [event]))).rejects.toThrow(
      /mesh_outbox_event_id_key/,
    );
  });

  it('notifies the relay when the transaction commits, and not when it rolls back', async () => {
    const listener = new Client({ connectionString: database.url });
    await listener.connect();
    const notifications: string[] = [];
    listener.on('notification', (message) => notifications.push(message.channel));
    await listener.query('LISTEN mesh_outbox');
    try {
      await dataSource
        .transaction(async (manager) => {
          await outbox.add(manager, countedEvents(itemCounted, 1));
          throw new Error('the change failed after the events were added');
        })
        .catch(() => undefined);
      await dataSource.transaction((manager) => outbox.add(manager, countedEvents(itemCounted, 3)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(notifications).toEqual(['mesh_outbox']);
    } finally {
      await listener.end();
    }
  });
});
