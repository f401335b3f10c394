import type { mongo } from 'mongoose';

import { outboxField } from './outbox-field';
import type { MongoOutboxSource } from './outbox-source';
import type { PendingDocument } from './pending-batch';

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
}
