import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

import { JobWorkerHost } from '../jobs/job-errors';
import { JobMetrics } from '../jobs/job-metrics';
import { ROLLUP_QUEUE } from '../jobs/queues';
import { DayClosing } from './day-closing.service';
import { InputFreshness } from './input-freshness.service';

export interface RollupResult {
  closedDays: string[];
  /** Age in seconds of the newest applied event, per input stream. */
  freshness: Record<string, number>;
}

/** Closes finished days (publishing them) and records how fresh the inputs are. */
@Processor(ROLLUP_QUEUE, { concurrency: 1 })
export class RollupProcessor extends JobWorkerHost {
  private readonly log = new Logger(RollupProcessor.name);

  constructor(
    private readonly days: DayClosing,
    private readonly freshness: InputFreshness,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  process(job: Job): Promise<RollupResult> {
    return this.metrics.time(job, async () => {
      const now = new Date();
      const closedDays = await this.days.closeFinishedDays(now);
      const freshness = await this.freshness.record(now);
      this.log.log(`rollup ${job.id}: closed ${closedDays.length} day(s); input age ${JSON.stringify(freshness)}`);
      return { closedDays, freshness };
    });
  }
}
