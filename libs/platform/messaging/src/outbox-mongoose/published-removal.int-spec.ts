import { createEvent } from '@mesh/contract-kit';
import type { Connection, Model } from 'mongoose';

import { type CountedItem, countedItemModel } from '../testing/counted-items';
import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { testStream } from '../testing/test-streams';
import { MongoOutbox } from './mongo-outbox';
import { readPendingBatch } from './pending-batch';
import { removePublished } from './published-removal';

jest.setTimeout(60_000);

/** Well past a round of 150 removals on a busy machine (a few hundred ms), far from a wedge. */
const REMOVAL_BOUND_MS = 20_000;

/**
 * FerretDB v1.24 keeps the query of every statement of an `update` command open until the
 * command ends, and each open query holds one of the 100 SQLite connections of the database; a
 * statement's write then needs one more. One command of 100 removals therefore waits for a
 * connection forever, and wedges the whole database: every later query there waits too, and
 * `listDatabases`, which measures it. Closing the client does not free it; dropping the database
 * does (afterAll). The relay reads 100 documents per round, so its removals must come in smaller
 * commands.
 */
describe('removing published events', () => {
  const { catalog, itemCounted } = testStream();
  const outbox = new MongoOutbox(catalog);
  let connection: Connection;
  let items: Model<CountedItem>;

  beforeAll(async () => {
    connection = await openTestDatabase('published_removal');
    items = countedItemModel(connection);
  });

  afterAll(() => dropTestDatabase(connection));

  it('removes the events of more documents than FerretDB has connections to one database', async () => {
    const ids = Array.from({ length: 150 }, (_, index) => `item-${index}`);
    await items.insertMany(
      ids.map((itemId) =>
        outbox.documentWithEvents({ _id: itemId, total: 1 }, [
          createEvent(itemCounted, { subject: itemId, data: { itemId, amount: 1 } }),
        ]),
      ),
    );
    const batch = await readPendingBatch([items], catalog, ids.length, new Map(), (message) => {
      throw new Error(message);
    });
    expect(batch.documents).toHaveLength(150);

    let bound: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      removePublished(batch.documents).then(() => 'removed'),
      new Promise<string>((resolve) => {
        bound = setTimeout(() => resolve(`still removing after ${REMOVAL_BOUND_MS} ms`), REMOVAL_BOUND_MS);
      }),
    ]).finally(() => clearTimeout(bound));

    expect(outcome).toBe('removed');
    expect(await items.countDocuments({ '_outbox.0': { $exists: true } })).toBe(0);
  });
});
