import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormInbox } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { inputEventsConsumer } from '../../ingest/input-events.consumer';
import { LiveProjectionStore } from '../../ingest/live-projection-store';
import type { ProjectionWrites } from '../../projections/projection-writes';
import { shareProjectionLock } from '../projection-lock';
import { LIVE_TABLES } from '../projection-tables';
import { recordFreshness } from './input-freshness.sql';
import { SqlProjectionWrites } from './sql-projection-writes';

/**
 * The live tables in PostgreSQL. Uses `inbox.record` in a transaction of its own rather than
 * `runOnce` (which inserts the inbox row first) because the projection lock must come first.
 */
@Injectable()
export class SqlLiveProjectionStore extends LiveProjectionStore {
  private readonly inbox: TypeormInbox;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.inbox = new TypeormInbox(dataSource, inputEventsConsumer.group);
  }

  applyOnce(event: EventEnvelope, stream: string, write: (writes: ProjectionWrites) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await shareProjectionLock(manager);
      if (!(await this.inbox.record(manager, event))) return false;
      await write(new SqlProjectionWrites(manager, LIVE_TABLES));
      await recordFreshness(manager, stream, event.time);
      return true;
    });
  }
}
