import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormInbox } from '@mesh/messaging/typeorm';
import type { DataSource } from 'typeorm';

import { inputEventsConsumer } from '../../ingest/input-events.consumer';
import type { ProjectionWrites } from '../../projections/projection-writes';
import { RebuildSession } from '../../rebuild/rebuild-store';
import { takeProjectionLockExclusively } from '../projection-lock';
import { NEXT_TABLES } from '../projection-tables';
import { SqlProjectionWrites } from '../projections/sql-projection-writes';
import { createNextTables, dropNextTables, swapInNextTables } from './next-tables.sql';
import { adoptRebuildInbox, clearRebuildInbox } from './rebuild-inbox.sql';

/** One rebuild on its own DataSource: the `_next` tables, the rebuild group's inbox, the swap. */
export class TypeormRebuildSession extends RebuildSession {
  private readonly inbox: TypeormInbox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly group: string,
  ) {
    super();
    this.inbox = new TypeormInbox(dataSource, group);
  }

  clearInbox(): Promise<void> {
    return clearRebuildInbox(this.dataSource, this.group);
  }

  createNextTables(): Promise<void> {
    return createNextTables(this.dataSource);
  }

  dropNextTables(): Promise<void> {
    return dropNextTables(this.dataSource);
  }

  applyOnce(event: EventEnvelope, write: (writes: ProjectionWrites) => Promise<void>): Promise<boolean> {
    return this.inbox.runOnce(event, (manager) => write(new SqlProjectionWrites(manager, NEXT_TABLES)));
  }

  swapIn(whileLocked: () => Promise<void>): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await takeProjectionLockExclusively(manager);
      await whileLocked();
      await adoptRebuildInbox(manager, this.group, inputEventsConsumer.group);
      await swapInNextTables(manager);
    });
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}
