import type { JobStatusResponse, RebuildAcceptedResponse } from '@mesh/analytics-contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';

import { REBUILD_JOB, REBUILD_QUEUE, ROLLUP_QUEUE } from '../jobs/queues';
import { JobIdParams } from './dto/job-id.params';
import { jobStatus } from './job-status';

/** Operator endpoints: a rebuild needs `analytics:write`, a job's status `analytics:read` (the default rule). */
@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(
    @InjectQueue(REBUILD_QUEUE) private readonly rebuildQueue: Queue,
    @InjectQueue(ROLLUP_QUEUE) private readonly rollupQueue: Queue,
  ) {}

  /**
   * Queues a rebuild of every projection. BullMQ's deduplication (one id for all rebuilds, held
   * until the job ends) makes this atomic across replicas: while a rebuild is queued or running,
   * the answer is that job.
   */
  @Post('rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'The rebuild job: new, or the one already queued or running.' })
  async rebuild(): Promise<RebuildAcceptedResponse> {
    const requested = randomUUID();
    const job = await this.rebuildQueue.add(REBUILD_JOB, {}, { jobId: requested, deduplication: { id: REBUILD_JOB } });
    return { jobId: String(job.id), created: job.id === requested };
  }

  @Get('jobs/:id')
  @ApiOkResponse({ description: 'State, progress (percent), attempts and result of a rebuild or rollup job.' })
  @ApiNotFoundResponse({ description: 'No such job (or it was removed after its retention).' })
  async job(@Param() params: JobIdParams): Promise<JobStatusResponse> {
    for (const queue of [this.rebuildQueue, this.rollupQueue]) {
      // State first: a job read after it is seen completed carries its result.
      const state = await queue.getJobState(params.id);
      const job = state === 'unknown' ? undefined : await queue.getJob(params.id);
      if (job) return jobStatus(job, state);
    }
    throw new NotFoundException(`no job ${params.id} in the rebuild or rollup queue`);
  }
}
