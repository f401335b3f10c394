import type { JobsOptions } from 'bullmq';

/** BullMQ's key prefix: analytics' queues live in their own key space on the shared Redis. */
export const QUEUE_PREFIX = 'analytics';

export const REBUILD_QUEUE = 'rebuild';
export const ROLLUP_QUEUE = 'rollup';
export const REBUILD_JOB = 'rebuild';
export const ROLLUP_JOB = 'rollup';

const DAY_S = 86_400;

/**
 * Every job is retried with exponential back-off (5 s, 10 s, 20 s, 40 s) and kept for a while
 * after it ends, so that `GET /admin/jobs/:id` can still tell how it went.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * DAY_S, count: 500 },
  removeOnFail: { age: 30 * DAY_S },
};
