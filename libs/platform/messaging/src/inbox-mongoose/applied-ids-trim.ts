import type { mongo } from 'mongoose';

/**
 * Keeps a document's list of applied event ids near `keep` entries. FerretDB ignores `$slice`
 * in `$push` without an error (checked against v1.24), so the list cannot be capped in the
 * applying update itself; instead, once it holds a tenth more than `keep`, the oldest ids are
 * pulled by value. That costs one extra write per `keep / 10` effects, leaves ids pushed
 * concurrently in place, and works the same on MongoDB.
 */
export async function trimAppliedIds(
  collection: mongo.Collection,
  document: Record<string, unknown>,
  field: string,
  keep: number,
): Promise<void> {
  const ids = document[field];
  if (!Array.isArray(ids) || ids.length <= keep + Math.ceil(keep / 10)) return;
  const oldest = ids.slice(0, ids.length - keep) as string[];
  // The driver's types cannot follow an _id of any type or $pullAll on an untyped collection.
  await collection.updateOne(
    { _id: document['_id'] } as mongo.Filter<mongo.Document>,
    {
      $pullAll: { [field]: oldest },
    } as unknown as mongo.UpdateFilter<mongo.Document>,
  );
}
