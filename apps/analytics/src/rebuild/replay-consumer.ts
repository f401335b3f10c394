import type { EventEnvelope } from '@mesh/contract-kit';
import { StreamConsumer, streamKeys } from '@mesh/messaging';
import type { RedisClient } from '@mesh/service';
import { setTimeout as sleep } from 'node:timers/promises';

import { inputEventsConsumer } from '../ingest/input-events.consumer';
import { groupCaughtUp } from './stream-position';

const { streams, catalog } = inputEventsConsumer;

/**
 * Reads the live consumer's streams from their beginning with a consumer group of the rebuild's
 * own, so that the live group's position is untouched. Same declaration and engine as the live
 * consumer: the same routed types, retries, dead letters, events of one subject in order.
 */
export class ReplayConsumer {
  private consumer: StreamConsumer | undefined;
  /** Entries the rebuild gave up on (malformed, or failing every retry): missing from its tables. */
  deadLettered = 0;

  constructor(
    private readonly redis: RedisClient,
    readonly group: string,
    private readonly concurrency: number,
  ) {}

  /** Entries the streams hold now: what "done" means for the progress. */
  async entryCount(): Promise<number> {
    const lengths = await Promise.all(streams.map((stream) => this.redis.xlen(streamKeys.source(stream))));
    return lengths.reduce((sum, length) => sum + length, 0);
  }

  async start(handle: (event: EventEnvelope) => Promise<void>): Promise<void> {
    this.consumer = new StreamConsumer({
      redis: this.redis,
      group: this.group,
      consumer: `${this.group}-reader`,
      streams: [...streams],
      catalog,
      handles: (type) => inputEventsConsumer.handles(type),
      handle,
      startFrom: 'beginning',
      orderBySubject: inputEventsConsumer.orderBySubject,
      concurrency: this.concurrency,
      blockMs: 250,
      claimIntervalMs: 250,
      retryBaseMs: 250,
      retryMaxMs: 5_000,
      observer: { deadLettered: () => (this.deadLettered += 1) },
    });
    await this.consumer.start();
  }

  /** Polls until every stream's current end was applied; `abort` may throw to give up. */
  async waitUntilCaughtUp(abort: () => void): Promise<void> {
    for (;;) {
      abort();
      const positions = await Promise.all(streams.map((stream) => groupCaughtUp(this.redis, stream, this.group)));
      if (positions.every(Boolean)) return;
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  /** Deletes the group (and its redrive streams) from every input stream; safe to repeat. */
  async remove(): Promise<void> {
    for (const stream of streams) {
      await this.redis.xgroup('DESTROY', streamKeys.source(stream), this.group).catch(ignoreMissingKey);
      await this.redis.del(streamKeys.redrive(stream, this.group), streamKeys.deadLetter(stream, this.group));
    }
  }
}

function ignoreMissingKey(error: unknown): number {
  if (error instanceof Error && /no such key|requires the key to exist/i.test(error.message)) return 0;
  throw error;
}
