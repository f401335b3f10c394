import type { EventCatalog } from '@mesh/contract-kit';
import type { DataSource } from 'typeorm';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import type { OutboxStore, OutboxStoreListener, PendingEvents } from '../outbox/outbox-store';
import { checkPublishable } from '../outbox/publishable-event';
import { deleteExpiredRows } from './outbox-cleanup';
import { markSent, nextUnsent, readBacklog } from './outbox-queries';
import { RelayLock } from './relay-lock';

/** The oldest unsent rows, with their positions to mark. */
export interface UnsentBatch extends PendingEvents {
  positions: string[];
}

/**
 * The `mesh_outbox` table as the relay's store. The leadership is a PostgreSQL session advisory
 * lock whose connection also LISTENs for commits and runs the relay's queries, so a relay that
 * lost the lock cannot mark rows; sent rows are kept `retentionMs` for inspection, then deleted.
 */
export class TypeormOutboxStore implements OutboxStore<UnsentBatch> {
  readonly leadership: RelayLock;
  private listener: OutboxStoreListener | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: EventCatalog,
    private readonly batchSize: number,
    private readonly retentionMs: number,
  ) {
    this.leadership = new RelayLock(
      dataSource,
      () => this.listener?.newEvents(),
      () => this.listener?.leadershipLost(),
    );
  }

  listen(listener: OutboxStoreListener): void {
    this.listener = listener;
  }

  /**
   * Rows are checked again on the way out: one that no longer passes its contract (a contract
   * changed under stored rows) fails the round with the reason, and the rows behind it wait,
   * because the table's order is the order consumers rely on.
   */
  async readPending(): Promise<UnsentBatch> {
    const rows = await nextUnsent(this.leadership.runner, this.batchSize);
    return {
      events: rows.map((row) => checkPublishable(this.catalog, row.envelope)),
      positions: rows.map((row) => row.position),
    };
  }

  markPublished(batch: UnsentBatch): Promise<void> {
    return markSent(this.leadership.runner, batch.positions);
  }

  backlog(): Promise<OutboxBacklog> {
    return readBacklog(this.dataSource);
  }

  removeExpired(keepGoing: () => boolean): Promise<void> {
    return deleteExpiredRows(this.leadership.runner, this.retentionMs, keepGoing);
  }
}
