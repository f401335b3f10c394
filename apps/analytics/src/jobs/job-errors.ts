import { InjectQueue, OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { REBUILD_QUEUE, ROLLUP_QUEUE } from './queues';

const log = new Logger('Jobs');

/**
 * One warning line per error of a BullMQ queue or worker (while Redis is down, one per
 * reconnect attempt). Without an 'error' listener BullMQ's emit() falls back to console.error,
 * which prints every error with its whole stack, unstructured, around the service's JSON logs.
 */
const warn = (owner: string) => (error: Error) => log.warn(`${owner}: ${error.message}`);

/** Listens for the errors of every queue the service registers. */
@Injectable()
export class QueueErrorLog {
  constructor(@InjectQueue(REBUILD_QUEUE) rebuild: Queue, @InjectQueue(ROLLUP_QUEUE) rollup: Queue) {
    for (const queue of [rebuild, rollup]) queue.on('error', warn(`queue ${queue.name}`));
  }
}

/** What every processor extends instead of WorkerHost: its worker's errors are logged as one line. */
export abstract class JobWorkerHost extends WorkerHost {
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    warn(`worker ${this.worker.name}`)(error);
  }
}
