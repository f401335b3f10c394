import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Queue } from 'bullmq';

import { rollupScheduleConfig } from '../config/rollup-schedule.config';
import { JOB_OPTIONS, ROLLUP_JOB, ROLLUP_QUEUE } from '../jobs/queues';

/** One scheduler id for every replica: upserting it again replaces the schedule, never doubles it. */
export const ROLLUP_SCHEDULER_ID = 'rollup';

@Injectable()
export class RollupScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(ROLLUP_QUEUE) private readonly queue: Queue,
    @Inject(rollupScheduleConfig.KEY) private readonly config: ConfigType<typeof rollupScheduleConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(ROLLUP_SCHEDULER_ID, this.config.schedule, {
      name: ROLLUP_JOB,
      data: {},
      opts: JOB_OPTIONS,
    });
  }
}
