import { EventCatalog, EventContract, EventEnvelope } from '@mesh/contract-kit';
import { EventPublisher, StreamConsumer, streamKeys } from '@mesh/messaging';
import { Redis } from 'ioredis';

import { Arrivals } from '../arrivals';
import type { BenchContext, BusContender } from '../contender';
import { orderPlacedContract } from '../order-placed';
import { measureConsume, measureLatency, measurePublish } from '../phases';

const group = 'bench';

/** This repository's @mesh/messaging, used as a domain would use it. */
export class LibraryContender implements BusContender {
  readonly label = '@mesh/messaging (this library)';
  readonly notes = [
    'EventPublisher.publishBatch (strict validation, envelope encoding, one pipeline of XADDs per batch); ' +
      'StreamConsumer with its defaults (concurrency 64, 100 entries per read): decode, tolerant validation, ' +
      'no-op handler, batched XACK; consume ends when every entry is handled and none is pending',
  ];
  private readonly redis: Redis;
  private readonly throughputContract: EventContract;
  private readonly latencyContract: EventContract;

  constructor(private readonly context: BenchContext) {
    this.redis = new Redis(context.options.redisUrl);
    this.throughputContract = orderPlacedContract(`${context.runId}.library.v1`);
    this.latencyContract = orderPlacedContract(`${context.runId}.library-latency.v1`);
  }

  async publish(events: readonly EventEnvelope[]): Promise<number> {
    const publisher = new EventPublisher(this.redis, new EventCatalog([this.throughputContract]));
    return measurePublish(events, this.context.options.batchSize, (batch) => publisher.publishBatch(batch));
  }

  async consume(events: readonly EventEnvelope[]) {
    const arrivals = new Arrivals();
    const consumer = this.consumer(this.throughputContract, arrivals, 'beginning');
    try {
      return await measureConsume(
        events.length,
        arrivals,
        () => consumer.start(),
        () => this.nothingPending(this.throughputContract),
      );
    } finally {
      await consumer.stop();
    }
  }

  async latency(events: readonly EventEnvelope[]) {
    const arrivals = new Arrivals();
    const consumer = this.consumer(this.latencyContract, arrivals, 'new');
    await consumer.start();
    try {
      const publisher = new EventPublisher(this.redis, new EventCatalog([this.latencyContract]));
      return await measureLatency(events, this.context.options, arrivals, (batch) => publisher.publishBatch(batch));
    } finally {
      await consumer.stop();
    }
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }

  private consumer(contract: EventContract, arrivals: Arrivals, startFrom: 'new' | 'beginning'): StreamConsumer {
    return new StreamConsumer({
      redis: this.redis,
      group,
      consumer: 'bench-1',
      streams: [contract.stream],
      catalog: new EventCatalog([contract]),
      handles: () => true,
      handle: async (event) => arrivals.arrived(event.id),
      startFrom,
      observer: { problem: (message, error) => console.warn(`${message}: ${String(error)}`) },
    });
  }

  /** Every handled entry was acknowledged once the group has nothing pending. */
  private async nothingPending(contract: EventContract): Promise<void> {
    const key = streamKeys.source(contract.stream);
    while (Number(((await this.redis.xpending(key, group)) as [number])[0]) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}
