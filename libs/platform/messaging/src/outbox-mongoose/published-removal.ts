import type { mongo } from 'mongoose';

import { outboxField } from './outbox-field';
import type { MongoOutboxSource } from './outbox-source';
import type { PendingDocument } from './pending-batch';

/**
 * Removals sent in one `update` command. FerretDB v1.24 holds one of a database's 100 SQLite
 * connections per statement of a command until the command ends, and each write needs one more:
 * a command of 100 statements (one relay round) waits for a connection forever and wedges the
 * database (published-removal.int-spec). 25 leave the pool room for everything else.
 */
const REMOVALS_PER_COMMAND = 25;

/**
 * Removes exactly the events that were published from their documents. `$pullAll` of the
 * subdocuments as read matches them by whole-value equality, which leaves events appended
 * since the read in place; FerretDB silently matches nothing with a `$pull` by `$in`.
 */
export async function removePublished(documents: readonly PendingDocument[]): Promise<void> {
  const bySource = new Map<MongoOutboxSource, PendingDocument[]>();
  for (const document of documents) {
    bySource.set(document.source, [...(bySource.get(document.source) ?? []), document]);
  }
  for (const [source, group] of bySource) {
    for (let start = 0; start < group.length; start += REMOVALS_PER_COMMAND) {
      await removeFrom(source, group.slice(start, start + REMOVALS_PER_COMMAND));
    }
  }
}

async function removeFrom(source: MongoOutboxSource, group: readonly PendingDocument[]): Promise<void> {
  const operations = group.map((document) => ({
    updateOne: { filter: { _id: document.id }, update: { $pullAll: { [outboxField]: document.stored } } },
  }));
  try {
    // The driver's types cannot follow an _id of any type or a $pullAll on an untyped collection.
    await source.collection.bulkWrite(operations as unknown as mongo.AnyBulkWriteOperation[], { ordered: false });
  } catch (error) {
    throw new Error(`removing ${group.length} published document outboxes of model ${source.modelName} failed`, {
      cause: error,
    });
  }
}
