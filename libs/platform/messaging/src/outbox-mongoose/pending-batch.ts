import type { EventCatalog } from '@mesh/contract-kit';
import type { mongo } from 'mongoose';

import type { PendingEvents } from '../outbox/outbox-store';
import { checkPublishable, type OutgoingEvent } from '../outbox/publishable-event';
import { outboxField } from './outbox-field';
import type { MongoOutboxSource } from './outbox-source';
import { fromPendingEvent, PendingEvent } from './pending-event';

/** One document's pending events as read, kept verbatim for the `$pullAll` that removes them. */
export interface PendingDocument {
  source: MongoOutboxSource;
  id: unknown;
  stored: PendingEvent[];
}

export interface PendingBatch extends PendingEvents {
  documents: PendingDocument[];
  /** Every document's events in array order, documents one after another. */
  events: OutgoingEvent[];
}

/** Documents whose events cannot be published, by model name and `String(_id)`. */
export type Unpublishable = Map<string, Map<string, unknown>>;

/**
 * Reads documents with pending events from every model. A document with an event that no
 * longer passes its contract is set aside (reported once, skipped until restart) instead of
 * failing the batch, because a document's later events must not overtake it.
 */
export async function readPendingBatch(
  sources: readonly MongoOutboxSource[],
  catalog: EventCatalog,
  limit: number,
  unpublishable: Unpublishable,
  report: (message: string, error: unknown) => void,
): Promise<PendingBatch> {
  const batch: PendingBatch = { documents: [], events: [] };
  for (const source of sources) {
    const skipped = unpublishable.get(source.modelName) ?? new Map<string, unknown>();
    unpublishable.set(source.modelName, skipped);
    // _id values of any type (ObjectId, string, …) as the documents hold them.
    const filter = {
      [`${outboxField}.0`]: { $exists: true },
      _id: { $nin: [...skipped.values()] },
    } as mongo.Filter<mongo.Document>;
    let found: Array<Record<string, unknown>>;
    try {
      found = await source.collection.find(filter, { projection: { [outboxField]: 1 }, limit }).toArray();
    } catch (error) {
      throw new Error(`reading pending events of model ${source.modelName} failed`, { cause: error });
    }
    for (const raw of found) {
      const stored = raw[outboxField] as PendingEvent[];
      try {
        const events = stored.map((pending) => {
          return checkPublishable(catalog, fromPendingEvent(pending));
        });
        batch.documents.push({ source, id: raw['_id'], stored });
        batch.events.push(...events);
      } catch (error) {
        skipped.set(String(raw['_id']), raw['_id']);
        report(`${source.modelName} ${String(raw['_id'])} holds an event that cannot be published; skipping it`, error);
      }
    }
  }
  return batch;
}
