import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

import { JobWorkerHost } from '../jobs/job-errors';
import { JobMetrics } from '../jobs/job-metrics';
import { REBUILD_QUEUE } from '../jobs/queues';
import { type RebuildResult, RebuildRunner } from './rebuild-runner';

/** One rebuild at a time per worker; POST /admin/rebuild also deduplicates across replicas. */
@Processor(REBUILD_QUEUE, { concurrency: 1 })
export class RebuildProcessor extends JobWorkerHost {
  constructor(
    private readonly runner: RebuildRunner,
    private readonly metrics: JobMetrics,
  ) {
    super();
  }

  process(job: Job): Promise<RebuildResult> {
    return this.metrics.time(job, () => this.runner.run(job));
  }
}
