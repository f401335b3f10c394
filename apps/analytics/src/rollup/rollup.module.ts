import { Module } from '@nestjs/common';

import { RollupStoreModule } from '../store/rollup/rollup-store.module';
import { DayClosing } from './day-closing.service';
import { InputFreshness } from './input-freshness.service';
import { RollupProcessor } from './rollup.processor';
import { RollupScheduler } from './rollup-scheduler';

@Module({
  imports: [RollupStoreModule],
  providers: [DayClosing, InputFreshness, RollupProcessor, RollupScheduler],
})
export class RollupModule {}
