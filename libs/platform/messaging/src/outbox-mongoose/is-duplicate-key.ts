/** MongoDB's duplicate key error: on an upsert it means that another writer owns the document. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
