import type { EventEnvelope } from '@mesh/contract-kit';

import type { ProjectionWrites } from '../projections/projection-writes';

/**
 * The live projection tables as the live consumer applies events to them. An abstract class so
 * that it doubles as the DI token; the store module binds it to the SQL implementation.
 */
export abstract class LiveProjectionStore {
  /**
   * Applies an event once for the live group, in one transaction that takes the projection lock
   * (shared: handlers run side by side, the rebuild's swap waits for them), records the event in
   * the live group's inbox, runs `write` on the live tables and records the time of the newest
   * event applied from `stream`. The lock comes before the inbox row: a handler waiting for the
   * swap must not hold an inbox row that the swap, merging the rebuild's inbox into the live
   * group's, would wait for.
   * @returns whether the event was applied now (false: the live group applied it before).
   */
  abstract applyOnce(
    event: EventEnvelope,
    stream: string,
    write: (writes: ProjectionWrites) => Promise<void>,
  ): Promise<boolean>;
}
