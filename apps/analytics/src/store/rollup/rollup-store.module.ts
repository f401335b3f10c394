import { Module } from '@nestjs/common';

import { DayClosingStore } from '../../rollup/day-closing-store';
import { InputFreshnessStore } from '../../rollup/input-freshness-store';
import { SqlDayClosingStore } from './sql-day-closing-store';
import { SqlInputFreshnessStore } from './sql-input-freshness-store';

/**
 * What the rollup reads and writes: closed days (their events go to the outbox that
 * AnalyticsMessagingModule provides and relays) and the input freshness.
 */
@Module({
  providers: [
    { provide: DayClosingStore, useClass: SqlDayClosingStore },
    { provide: InputFreshnessStore, useClass: SqlInputFreshnessStore },
  ],
  exports: [DayClosingStore, InputFreshnessStore],
})
export class RollupStoreModule {}
