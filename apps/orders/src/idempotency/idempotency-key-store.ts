import type { IdempotencyKey } from './idempotency-key';

/**
 * Where the Idempotency-Keys of placed orders are kept, apart from the placing itself (the key
 * is claimed and answered in the order's transaction: OrderStore.place). An abstract class so
 * that it doubles as the DI token; IdempotencyKeyStoreModule binds it to the TypeORM implementation.
 */
export abstract class IdempotencyKeyStore {
  /** The key as committed, or null when no placed order used it (or it expired). */
  abstract find(key: string): Promise<IdempotencyKey | null>;

  /** Deletes every key created before `before`, in chunks that replicas sweeping at once share; returns how many. */
  abstract deleteCreatedBefore(before: Date): Promise<number>;
}
