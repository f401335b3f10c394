import { streamNameOf } from '../streams/stream-keys';
import { removeIdleConsumers } from './consumer-cleanup';
import { ResolvedConsumerOptions, retryDelayMs } from './consumer-options';
import type { Delivery } from './delivery';
import { settleLostEntries } from './lost-entries';
import type { Slots } from './slots';
import type { PendingReply, StreamClaimReply } from './stream-reply';

const pageSize = 100;
/** How often the group is swept for consumers of crashed replicas, at most. */
const sweepIntervalMs = 60_000;

/**
 * Brings back pending entries: failed ones once they have been idle for their back-off
 * (which grows with their delivery count), and those of consumers that died. It uses
 * XPENDING + XCLAIM rather than XAUTOCLAIM because only XPENDING tells each entry's delivery
 * count, which the back-off and the dead-letter decision need. Entries this consumer is still
 * handling are kept claimed (their idle time reset) so that no other replica steals them. Once a
 * minute it also removes the consumers of crashed replicas (idle, nothing pending left) and
 * reports entries the group lost to the producer's trimming.
 */
export class PendingReclaimer {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = true;
  private lastSweep = 0;

  constructor(
    private readonly options: ResolvedConsumerOptions,
    private readonly keys: string[],
    /** `${key} ${entryId}` → when handling started. */
    private readonly inFlight: Map<string, number>,
    private readonly slots: Slots,
    private readonly dispatch: (delivery: Delivery) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.round = this.reclaimAll()
        .catch((error: unknown) => this.options.observer.problem?.('reclaiming pending entries failed', error))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.options.claimIntervalMs);
  }

  private async reclaimAll(): Promise<void> {
    await this.keepInFlightClaimed();
    for (const key of this.keys) {
      if (this.stopped) return;
      await this.reclaim(key);
    }
    await this.sweepGroup();
  }

  /**
   * Removes the consumers of replicas that crashed, once their pending entries were claimed, and
   * reports entries the group lost to a producer's trimming (settleLostEntries).
   */
  private async sweepGroup(): Promise<void> {
    const { redis, group, consumer, idleConsumerMs, observer } = this.options;
    if (Date.now() - this.lastSweep < Math.min(sweepIntervalMs, idleConsumerMs)) return;
    this.lastSweep = Date.now();
    for (const key of this.keys) {
      if (this.stopped) return;
      const removed = await removeIdleConsumers(redis, key, group, consumer, idleConsumerMs);
      if (removed.length > 0) observer.consumersRemoved?.(key, removed);
      const lost = await settleLostEntries(redis, key, group);
      if (lost > 0) observer.entriesLost?.(key, lost);
    }
  }

  private async keepInFlightClaimed(): Promise<void> {
    const { redis, group, consumer, retryBaseMs } = this.options;
    const longRunning = new Map<string, string[]>();
    const threshold = Date.now() - retryBaseMs / 2;
    for (const [inFlightKey, startedAt] of this.inFlight) {
      if (startedAt > threshold) continue;
      const [key, entryId] = inFlightKey.split(' ');
      longRunning.set(key, [...(longRunning.get(key) ?? []), entryId]);
    }
    for (const [key, ids] of longRunning) {
      // JUSTID resets the idle time without counting a delivery.
      // `call`: ioredis' XCLAIM overloads do not resolve on a client that may be a cluster.
      await redis.call('XCLAIM', key, group, consumer, 0, ...ids, 'JUSTID');
    }
  }

  private async reclaim(key: string): Promise<void> {
    const { redis, group, consumer, retryBaseMs } = this.options;
    if (this.slots.free <= 0) return;
    const pending = (await redis.xpending(key, group, 'IDLE', retryBaseMs, '-', '+', pageSize)) as PendingReply;
    const due = pending
      .filter(([entryId, , idleMs, deliveries]) => {
        return !this.inFlight.has(`${key} ${entryId}`) && idleMs >= retryDelayMs(this.options, deliveries);
      })
      .slice(0, this.slots.free);
    if (due.length === 0) return;

    const deliveriesById = new Map(due.map(([entryId, , , deliveries]) => [entryId, deliveries]));
    // XCLAIM re-checks the idle time, so an entry another replica claimed meanwhile is skipped.
    const claimed = (await redis.call('XCLAIM', key, group, consumer, retryBaseMs, ...deliveriesById.keys())) as StreamClaimReply;
    for (const entry of claimed) {
      if (!entry || !entry[1]) continue;
      const [entryId, fields] = entry;
      const previous = deliveriesById.get(entryId) ?? 0;
      this.dispatch({ key, stream: streamNameOf(key), entryId, fields, deliveryCount: previous + 1 });
    }
  }
}
