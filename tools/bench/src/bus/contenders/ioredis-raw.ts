import type { EventEnvelope } from '@mesh/contract-kit';
import { Redis } from 'ioredis';

import { Arrivals } from '../arrivals';
import type { BenchContext, BusContender } from '../contender';
import { measureConsume, measureLatency, measurePublish } from '../phases';
import { group, GroupReader } from './ioredis-group-reader';

const attributes = ['id', 'source', 'type', 'specversion', 'time', 'subject', 'dataschema', 'datacontenttype'] as const;

/** The same fields the library writes, by hand: `id` second, `data` (JSON) last. */
function toFields(event: EventEnvelope): string[] {
  const fields: string[] = [];
  for (const name of attributes) fields.push(name, event[name]);
  fields.push('data', JSON.stringify(event.data));
  return fields;
}

/** The floor: what ioredis does with no publisher or consumer library and no validation. */
export class IoredisRawContender implements BusContender {
  readonly label = 'raw ioredis';
  readonly notes = [
    'pipelined XADD of the same fields; XREADGROUP COUNT 100 on its own connection, JSON.parse of data, ' +
      'one XACK per read (sent without waiting for it before the next read); no validation',
  ];
  private readonly redis: Redis;
  private readonly throughputKey: string;
  private readonly latencyKey: string;

  constructor(private readonly context: BenchContext) {
    this.redis = new Redis(context.options.redisUrl);
    this.throughputKey = `${context.runId}:raw`;
    this.latencyKey = `${context.runId}:raw-latency`;
  }

  async publish(events: readonly EventEnvelope[]): Promise<number> {
    await this.redis.xgroup('CREATE', this.throughputKey, group, '0', 'MKSTREAM');
    return measurePublish(events, this.context.options.batchSize, (batch) => this.xadd(this.throughputKey, batch));
  }

  async consume(events: readonly EventEnvelope[]) {
    const arrivals = new Arrivals();
    const reader = new GroupReader(this.redis, this.throughputKey, arrivals);
    try {
      return await measureConsume(
        events.length,
        arrivals,
        async () => reader.start(),
        () => reader.acked(),
      );
    } finally {
      await reader.stop();
    }
  }

  async latency(events: readonly EventEnvelope[]) {
    await this.redis.xgroup('CREATE', this.latencyKey, group, '$', 'MKSTREAM');
    const arrivals = new Arrivals();
    const reader = new GroupReader(this.redis, this.latencyKey, arrivals);
    reader.start();
    try {
      return await measureLatency(events, this.context.options, arrivals, (batch) => this.xadd(this.latencyKey, batch));
    } finally {
      await reader.stop();
    }
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }

  private async xadd(key: string, batch: readonly EventEnvelope[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const event of batch) pipeline.xadd(key, '*', ...toFields(event));
    const failure = (await pipeline.exec())?.find(([error]) => error)?.[0];
    if (failure) throw new Error(`XADD to ${key} failed`, { cause: failure });
  }
}
