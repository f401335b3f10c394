import type { EventEnvelope } from '@mesh/contract-kit';

import type { ProjectionWrites } from '../projections/projection-writes';

/**
 * Where rebuilds build their tables. An abstract class so that it doubles as the DI token; the
 * store module binds it to the TypeORM implementation.
 */
export abstract class RebuildStore {
  /**
   * Opens the store side of one rebuild with the inbox of its consumer group `group`, on
   * connections of its own for `handlers` replay handlers at once and the swap: live handlers
   * held back by the swap lock keep their connections of the main pool, and must not keep the
   * rebuild from the ones it needs to finish. Close it when the rebuild ends, however it ends.
   */
  abstract open(group: string, handlers: number): Promise<RebuildSession>;
}

/** One rebuild's connections, its `_next` copies of the projection tables and its inbox group. */
export abstract class RebuildSession {
  /** Deletes the inbox rows of the rebuild's group: leftovers of an earlier attempt, or of a failed one. */
  abstract clearInbox(): Promise<void>;

  /** Creates empty `_next` copies of the live tables (same columns, keys, indexes), dropping leftovers first. */
  abstract createNextTables(): Promise<void>;

  abstract dropNextTables(): Promise<void>;

  /**
   * Runs `write` on the `_next` tables in a transaction of its own with the event's inbox record,
   * unless the rebuild's group applied the event before.
   * @returns whether it ran.
   */
  abstract applyOnce(event: EventEnvelope, write: (writes: ProjectionWrites) => Promise<void>): Promise<boolean>;

  /**
   * In one transaction holding the projection lock exclusively (running live handlers finish
   * first, new ones wait): runs `whileLocked`, then makes the live group adopt the rebuild's inbox
   * rows, so that a live consumer behind the rebuild skips what it applied, and replaces every
   * live table by its `_next` copy. Readers see the old set until commit and the new one after.
   */
  abstract swapIn(whileLocked: () => Promise<void>): Promise<void>;

  /** Closes the rebuild's connections. */
  abstract close(): Promise<void>;
}
