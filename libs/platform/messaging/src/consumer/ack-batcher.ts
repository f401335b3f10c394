import type { RedisClient } from '@mesh/service';

import { groupBySlot } from '../streams/slot-groups';

/**
 * Collects acknowledgements and sends them as one XACK per key at the end of the current
 * tick: a batch of handlers that finish together costs one round trip, not one each.
 */
export class AckBatcher {
  private pending = new Map<string, string[]>();
  private scheduled: Promise<void> | undefined;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly group: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Resolves once the acknowledgement reached Redis (or failed: the entry then stays pending). */
  ack(key: string, entryId: string): Promise<void> {
    const ids = this.pending.get(key);
    if (ids) ids.push(entryId);
    else this.pending.set(key, [entryId]);
    this.scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.scheduled;
  }

  /** Sends what is pending and resolves once every XACK sent so far has its answer. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = undefined;
    if (batch.size > 0) {
      const send = this.send(batch);
      this.sending.add(send);
      void send.finally(() => this.sending.delete(send));
    }
    await Promise.all(this.sending);
  }

  private async send(batch: Map<string, string[]>): Promise<void> {
    // A cluster pipeline stays in one slot: one per slot there, one in all on a single server.
    await Promise.all(groupBySlot(this.redis, [...batch], ([key]) => key).map((acks) => this.sendInOneSlot(acks)));
  }

  private async sendInOneSlot(acks: Array<[string, string[]]>): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const [key, ids] of acks) pipeline.xack(key, this.group, ...ids);
    try {
      const replies = (await pipeline.exec()) ?? [];
      for (const [error] of replies) if (error) this.onError(error);
    } catch (error) {
      // The entries stay pending and are delivered again: at-least-once, never lost.
      this.onError(error);
    }
  }
}
