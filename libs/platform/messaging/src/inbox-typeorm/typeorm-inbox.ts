import type { EventEnvelope } from '@mesh/contract-kit';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The consumer side of exactly-once effects over at-least-once delivery: a redelivered event
 * (after a crash between commit and XACK, or a claim by another replica) finds its
 * (group, event id) row and its effect is not applied again.
 */
export class TypeormInbox {
  /** @param group the consumer group whose effects this inbox guards, e.g. `analytics`. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly group: string,
  ) {}

  /**
   * Runs `effect` in a new transaction, together with recording the event, unless this group
   * already applied it. If the effect throws, the record is rolled back too and a retry applies
   * it. A concurrent delivery of the same event waits on the record's key and then skips.
   * @returns whether the effect ran (false: the event was applied before).
   */
  runOnce(event: Pick<EventEnvelope, 'id'>, effect: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.record(manager, event))) return false;
      await effect(manager);
      return true;
    });
  }

  /**
   * Records the event in the caller's transaction, for handlers that manage theirs; apply the
   * effect only when it returns true.
   */
  async record(manager: EntityManager, event: Pick<EventEnvelope, 'id'>): Promise<boolean> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        `inbox (group ${this.group}): record ${event.id} needs the EntityManager of a running transaction`,
      );
    }
    const inserted: unknown[] = await manager.query(
      `INSERT INTO mesh_inbox (consumer_group, event_id) VALUES ($1, $2)
       ON CONFLICT (consumer_group, event_id) DO NOTHING RETURNING 1`,
      [this.group, event.id],
    );
    return inserted.length === 1;
  }
}
