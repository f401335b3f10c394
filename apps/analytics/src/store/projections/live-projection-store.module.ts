import { Module } from '@nestjs/common';

import { LiveProjectionStore } from '../../ingest/live-projection-store';
import { SqlLiveProjectionStore } from './sql-live-projection-store';

/** The live projection tables, written by the live consumer. */
@Module({
  providers: [{ provide: LiveProjectionStore, useClass: SqlLiveProjectionStore }],
  exports: [LiveProjectionStore],
})
export class LiveProjectionStoreModule {}
