import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, JobType, Queue } from 'bullmq';
import { Gauge, Histogram, Registry } from 'prom-client';

import { REBUILD_QUEUE, ROLLUP_QUEUE } from './queues';

// BullMQ 6 has no 'paused' state: the jobs of a paused queue are counted as 'waiting'.
const STATES: JobType[] = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'];

/**
 * `analytics_queue_jobs{queue,state}` (read from Redis at each scrape, so never stale) and
 * `analytics_job_duration_seconds{queue,name,outcome}` (one observation per attempt).
 */
@Injectable()
export class JobMetrics {
  private readonly duration: Histogram<'queue' | 'name' | 'outcome'>;

  constructor(
    registry: Registry,
    @InjectQueue(REBUILD_QUEUE) rebuildQueue: Queue,
    @InjectQueue(ROLLUP_QUEUE) rollupQueue: Queue,
  ) {
    this.duration = new Histogram({
      name: 'analytics_job_duration_seconds',
      help: 'Time one attempt of a BullMQ job took',
      labelNames: ['queue', 'name', 'outcome'],
      buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1_800],
      registers: [registry],
    });
    const queues = [rebuildQueue, rollupQueue];
    new Gauge({
      name: 'analytics_queue_jobs',
      help: 'Jobs per BullMQ queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const queue of queues) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }

  /** Runs one attempt of a job and records how long it took and whether it succeeded. */
  async time<T>(job: Job, attempt: () => Promise<T>): Promise<T> {
    const stop = this.duration.startTimer({ queue: job.queueName, name: job.name });
    try {
      const result = await attempt();
      stop({ outcome: 'completed' });
      return result;
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
  }
}
