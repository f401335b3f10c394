import type { JobState, JobStatusResponse } from '@mesh/analytics-contracts';
import type { Job } from 'bullmq';

/** What an operator needs to know about a job, whatever its queue. */
export function jobStatus(job: Job, state: string): JobStatusResponse {
  return {
    id: String(job.id),
    queue: job.queueName,
    name: job.name,
    state: state as JobState,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    result: job.returnvalue ?? null,
  };
}
