import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormInbox } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { shareProjectionLock } from '../projections/projection-lock';
import { LIVE_TABLES } from '../projections/projection-tables';
import { ProjectionWriter } from '../projections/projection-writer';
import { inputEventsConsumer } from './input-events.consumer';
import { recordFreshness } from './input-freshness.sql';

/**
 * Applies a delivered event to the live tables exactly once: one transaction takes the
 * projection lock (shared), records the event in the inbox, applies it and records freshness.
 * The lock comes before the inbox row on purpose, which is why this uses `inbox.record` rather
 * than `runOnce` (that inserts the row first): a handler waiting for the swap must not hold an
 * inbox row that the swap, merging the rebuild's inbox into this group's, would wait for.
 */
@Injectable()
export class LiveProjection {
  private readonly inbox: TypeormInbox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ProjectionWriter,
  ) {
    this.inbox = new TypeormInbox(dataSource, inputEventsConsumer.group);
  }

  /** @returns whether the effect was applied now (false: this group applied the event before). */
  apply(event: EventEnvelope, stream: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await shareProjectionLock(manager);
      if (!(await this.inbox.record(manager, event))) return false;
      await this.writer.apply(manager, LIVE_TABLES, event);
      await recordFreshness(manager, stream, event.time);
      return true;
    });
  }
}
