import type { Model, QueryFilter, UpdateQuery } from 'mongoose';

import { isDuplicateKey } from '../outbox-mongoose/is-duplicate-key';
import { trimAppliedIds } from './applied-ids-trim';
import { inboxField } from './inbox-field';

export interface EventEffect<TRaw> {
  /** Selects the one document the event changes, e.g. `{ _id: event.subject }`. */
  filter: QueryFilter<TRaw>;
  /** The event whose effect this is; its id is the idempotency key. */
  eventId: string;
  /** The effect, as update operators (`$inc`, `$set`, …). */
  update: UpdateQuery<TRaw>;
  /** Create the document when the filter matches none; the filter must then hold a unique key such as `_id`. */
  upsert?: boolean;
  /** The field that `inboxPlugin` added; defaults to `_inbox`. */
  field?: string;
  /**
   * Applied ids remembered per document (up to a tenth more between trims). A redelivery is
   * recognised while fewer than `keep` other events have since changed the same document;
   * retries come within minutes, so 1,000 (about 45 KB per document) is a wide margin.
   */
  keep?: number;
}

/**
 * Applies an event's effect to one document at most once, in a single conditional update: the
 * filter adds "this event id is not among the applied ones" and the update records the id. No
 * transaction is needed, so it works on a standalone MongoDB and on FerretDB. FerretDB v1
 * (SQLite) does not isolate concurrent updates of one document, though: there, apply the
 * events that change one document one after another (e.g. a consumer ordered by subject).
 * @returns true when the effect was applied now; false when it had been applied before or no
 * document matched the filter (and `upsert` was not asked for).
 */
export async function applyEventOnce<TRaw>(model: Model<TRaw>, effect: EventEffect<TRaw>): Promise<boolean> {
  const { filter, eventId, update, upsert = false, field = inboxField, keep = 1_000 } = effect;
  const what = `applying event ${eventId} to a ${model.modelName}`;
  if (!model.schema.path(field)) {
    // Mongoose's strict mode would drop the recorded id silently and apply the effect every time.
    throw new Error(`${what}: the schema has no ${field} field; apply inboxPlugin to it`);
  }
  if (field in filter || Object.keys(update).some((key) => !key.startsWith('$')) || field in (update.$push ?? {})) {
    throw new Error(`${what}: the filter and update must leave ${field} to the inbox and use update operators`);
  }
  const guardedFilter = { ...filter, [field]: { $ne: eventId } } as QueryFilter<TRaw>;
  const guardedUpdate = { ...update, $push: { ...update.$push, [field]: eventId } } as UpdateQuery<TRaw>;
  let applied: Record<string, unknown> | null;
  try {
    applied = await model
      .findOneAndUpdate(guardedFilter, guardedUpdate, { returnDocument: 'after', upsert })
      .lean<Record<string, unknown>>();
  } catch (error) {
    // With upsert, an applied event makes the guarded filter miss and the insert collide.
    if (upsert && isDuplicateKey(error) && (await wasApplied(model, filter, field, eventId))) return false;
    throw new Error(`${what} failed`, { cause: error });
  }
  if (!applied) return false;
  // Best effort: an untrimmed list is only longer, and the next effect trims it again.
  await trimAppliedIds(model.collection, applied, field, keep).catch(() => undefined);
  return true;
}

async function wasApplied<TRaw>(model: Model<TRaw>, filter: QueryFilter<TRaw>, field: string, eventId: string) {
  return (await model.exists({ ...filter, [field]: eventId } as QueryFilter<TRaw>)) !== null;
}
