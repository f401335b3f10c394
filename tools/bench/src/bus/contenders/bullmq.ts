import type { EventEnvelope } from '@mesh/contract-kit';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { Arrivals } from '../arrivals';
import type { BenchContext, BusContender } from '../contender';
import { measureConsume, measureLatency, measurePublish } from '../phases';

const jobName = 'order.placed';

/** A job queue rather than a log: one worker group, no replay, jobs removed once completed. */
export class BullmqContender implements BusContender {
  readonly label = 'BullMQ';
  readonly notes: string[];
  private readonly connection: Redis;
  private readonly queues: Queue[] = [];

  constructor(private readonly context: BenchContext) {
    // BullMQ's workers need maxRetriesPerRequest: null on the connection they share.
    this.connection = new Redis(context.options.redisUrl, { maxRetriesPerRequest: null });
    this.notes = [
      `Queue.addBulk (job data = the whole envelope, removeOnComplete); Worker with concurrency ` +
        `${context.options.bullmqConcurrency} and a no-op processor; consume ends when every job completed`,
    ];
  }

  async publish(events: readonly EventEnvelope[]): Promise<number> {
    const queue = this.queue('orders');
    return measurePublish(events, this.context.options.batchSize, (batch) => this.add(queue, batch));
  }

  async consume(events: readonly EventEnvelope[]) {
    const handled = new Arrivals();
    const completed = new Arrivals();
    let worker: Worker | undefined;
    try {
      return await measureConsume(events.length, completed, async () => {
        worker = this.worker('orders', handled);
        worker.on('completed', (job: { data: EventEnvelope }) => completed.arrived(job.data.id));
      });
    } finally {
      await worker?.close();
    }
  }

  async latency(events: readonly EventEnvelope[]) {
    const arrivals = new Arrivals();
    const queue = this.queue('orders-latency');
    const worker = this.worker('orders-latency', arrivals);
    await worker.waitUntilReady();
    try {
      return await measureLatency(events, this.context.options, arrivals, (batch) => this.add(queue, batch));
    } finally {
      await worker.close();
    }
  }

  async close(): Promise<void> {
    for (const queue of this.queues) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await this.connection.quit();
  }

  private queue(name: string): Queue {
    const queue = new Queue(name, { connection: this.connection, prefix: this.context.runId });
    this.queues.push(queue);
    return queue;
  }

  private worker(name: string, arrivals: Arrivals): Worker {
    const worker = new Worker(name, async (job: { data: EventEnvelope }) => arrivals.arrived(job.data.id), {
      connection: this.connection,
      prefix: this.context.runId,
      concurrency: this.context.options.bullmqConcurrency,
    });
    worker.on('error', (error) => console.warn(`BullMQ worker error: ${error.message}`));
    return worker;
  }

  private add(queue: Queue, batch: readonly EventEnvelope[]) {
    return queue.addBulk(batch.map((event) => ({ name: jobName, data: event, opts: { removeOnComplete: true } })));
  }
}
