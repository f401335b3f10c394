import { decodeStreamEntry, EventEnvelope, MalformedEventError } from '@mesh/contract-kit';

import { groupBySlot } from '../streams/slot-groups';
import { streamKeys, streamNameOf } from '../streams/stream-keys';
import { AckBatcher } from './ack-batcher';
import { BlockingReader } from './blocking-reader';
import { leaveGroup } from './consumer-cleanup';
import { ensureGroups, isMissingGroup } from './consumer-groups';
import { resolveConsumerOptions, ResolvedConsumerOptions, StreamConsumerOptions } from './consumer-options';
import { moveToDeadLetter } from './dead-letter';
import type { Delivery } from './delivery';
import { PendingReclaimer } from './pending-reclaimer';
import { Slots } from './slots';
import type { StreamReadReply } from './stream-reply';
import { SubjectLanes } from './subject-lanes';

/**
 * Reads a consumer group's streams (each source stream and the group's redrive stream), hands
 * every entry to the handler with bounded concurrency, acknowledges it only after the handler
 * resolved, retries failures through the PendingReclaimer and dead-letters what cannot succeed.
 * On one server all keys are read in one blocking XREADGROUP; on a Redis Cluster, which refuses
 * a command whose keys sit in different slots, there is one blocking read (and connection) per
 * slot, side by side: a stream and its redrive stream share a slot (hash tag), so at most one per
 * stream.
 */
export class StreamConsumer {
  private readonly options: ResolvedConsumerOptions;
  private readonly keys: string[];
  private readonly slots: Slots;
  private readonly lanes = new SubjectLanes();
  private readonly inFlight = new Map<string, number>();
  private readonly acks: AckBatcher;
  /** The keys read together and their reader: all of them on one server, one slot's each on a cluster. */
  private readonly readers: Array<{ keys: string[]; reader: BlockingReader }>;
  private readonly reclaimer: PendingReclaimer;
  private running = false;
  private readLoop: Promise<void> | undefined;

  constructor(options: StreamConsumerOptions) {
    this.options = resolveConsumerOptions(options);
    const { redis, group, streams } = this.options;
    this.keys = streams.flatMap((stream) => [streamKeys.source(stream), streamKeys.redrive(stream, group)]);
    this.slots = new Slots(this.options.concurrency);
    this.acks = new AckBatcher(redis, group, (error) => this.problem('XACK failed; entries stay pending', error));
    this.readers = groupBySlot(redis, this.keys, (key) => key).map((keys) => ({
      keys,
      reader: new BlockingReader(redis, keys[0], this.options.watchdogMs, (message, error) => this.problem(message, error)),
    }));
    this.reclaimer = new PendingReclaimer(this.options, this.keys, this.inFlight, this.slots, (delivery) =>
      this.dispatch(delivery),
    );
  }

  async start(): Promise<void> {
    await this.createGroups(this.options.startFrom === 'beginning' ? '0' : '$');
    this.running = true;
    this.readLoop = Promise.all(this.readers.map((read) => this.readUntilStopped(read))).then(() => undefined);
    this.reclaimer.start();
  }

  /**
   * Stops reading, lets in-flight handlers finish and acknowledge, closes the reader and leaves
   * the group (unless entries are still pending for it: another replica claims those).
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.reclaimer.stop();
    await Promise.all(this.readers.map(({ reader }) => reader.interrupt()));
    await this.readLoop;
    const drained = await this.slots.whenIdle(this.options.shutdownTimeoutMs);
    if (!drained) {
      this.problem(`${this.slots.busy} handler(s) still running after ${this.options.shutdownTimeoutMs} ms`, undefined);
    }
    await this.acks.flush();
    await Promise.all(this.readers.map(({ reader }) => reader.close()));
    await this.leave();
  }

  private async leave(): Promise<void> {
    const { redis, group, consumer, shutdownTimeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    // During a Redis outage the commands would wait for a reconnection: shutdown must not.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${shutdownTimeoutMs} ms`)), shutdownTimeoutMs);
    });
    try {
      const kept = await Promise.race([leaveGroup(redis, this.keys, group, consumer), timeout]);
      for (const key of kept) this.problem(`stays in the group on ${key}: entries are pending for it (another replica claims them)`, undefined);
    } catch (error) {
      this.problem('leaving the group failed; the survivors remove the consumer once it is idle', error);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readUntilStopped({ keys, reader }: { keys: string[]; reader: BlockingReader }): Promise<void> {
    const { group, consumer, batchSize, blockMs } = this.options;
    while (this.running) {
      // XREADGROUP applies COUNT to each stream, so a read may bring `count` entries per stream:
      // wait for a slot per stream read anywhere and split the free slots among them (the reads of
      // other slots on a cluster may take theirs at the same time).
      const streams = this.keys.length;
      await this.slots.whenFree(Math.min(streams, this.options.concurrency));
      const count = Math.max(1, Math.min(batchSize, Math.floor(this.slots.free / streams)));
      const args = ['GROUP', group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', ...keys];
      let reply: StreamReadReply;
      try {
        reply = await reader.read([...args, ...keys.map(() => '>')], blockMs);
      } catch (error) {
        await this.recoverFromReadError(error);
        continue;
      }
      for (const [key, entries] of reply ?? []) {
        for (const [entryId, fields] of entries) {
          // A null entry was deleted between XADD and this read: nothing to handle.
          if (fields) this.dispatch({ key, stream: streamNameOf(key), entryId, fields, deliveryCount: 1 });
        }
      }
    }
  }

  private async recoverFromReadError(error: unknown): Promise<void> {
    if (!this.running) return;
    if (isMissingGroup(error)) {
      // The stream was flushed or the group destroyed: recreate it and read what is there.
      this.problem(`consumer group ${this.options.group} was lost; recreating it`, error);
      await this.createGroups('0').catch((cause: unknown) => this.problem('recreating the group failed', cause));
      return;
    }
    this.problem('XREADGROUP failed; retrying', error);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  /** Starts handling one delivery in a slot taken now; never throws. */
  private dispatch(delivery: Delivery): void {
    this.slots.take();
    const inFlightKey = `${delivery.key} ${delivery.entryId}`;
    this.inFlight.set(inFlightKey, Date.now());
    let slotReleased = false;
    // The slot is freed as soon as the handler's work is over, while its XACK may still be on the
    // way: the next read does not wait a round trip per entry. The entry stays in flight (and out
    // of the reclaimer's reach) until the XACK has landed.
    const releaseSlot = () => {
      if (slotReleased) return;
      slotReleased = true;
      this.slots.release();
    };
    const done = () => {
      this.inFlight.delete(inFlightKey);
      releaseSlot();
    };
    let envelope: EventEnvelope;
    try {
      envelope = this.options.catalog.accept(decodeStreamEntry(delivery.fields));
    } catch (error) {
      const reason = error instanceof MalformedEventError ? error.message : `cannot decode: ${String(error)}`;
      void this.deadLetter(delivery, `malformed: ${reason}`, error as Error).finally(done);
      return;
    }
    const handle = () => this.handle(delivery, envelope, releaseSlot);
    const run = this.options.orderBySubject ? this.lanes.run(envelope.subject, handle) : handle();
    void run.finally(done);
  }

  /** Handles one delivery and acknowledges it; calls `handled` once the handler's part is over. */
  private async handle(delivery: Delivery, envelope: EventEnvelope, handled: () => void): Promise<void> {
    const { group, maxDeliveries, observer } = this.options;
    if (delivery.deliveryCount > maxDeliveries) {
      // Delivered that often without an ack: the handler keeps killing its process.
      await this.deadLetter(delivery, `delivered ${delivery.deliveryCount} times without being acknowledged`);
      return;
    }
    if (!this.options.handles(envelope.type)) {
      observer.skipped?.(delivery, envelope.type);
      handled();
      await this.acks.ack(delivery.key, delivery.entryId);
      return;
    }
    const started = performance.now();
    try {
      await this.options.handle(envelope, {
        group,
        stream: delivery.stream,
        entryId: delivery.entryId,
        deliveryCount: delivery.deliveryCount,
        redriven: delivery.key !== streamKeys.source(delivery.stream),
      });
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      observer.failed?.(delivery, envelope.type, error);
      if (delivery.deliveryCount >= maxDeliveries) {
        await this.deadLetter(delivery, `handler failed ${delivery.deliveryCount} times`, error);
      }
      // Otherwise the entry stays pending and the reclaimer retries it after its back-off.
      return;
    }
    observer.handled?.(delivery, envelope.type, performance.now() - started);
    handled();
    await this.acks.ack(delivery.key, delivery.entryId);
  }

  private async deadLetter(delivery: Delivery, reason: string, error?: Error): Promise<void> {
    try {
      await moveToDeadLetter(this.options.redis, this.options.group, delivery, reason, error);
      this.options.observer.deadLettered?.(delivery, reason);
    } catch (failure) {
      // Left pending: the reclaimer brings it back and the move is tried again.
      this.problem(`dead-lettering ${delivery.entryId} failed`, failure);
    }
  }

  private async createGroups(startId: '$' | '0'): Promise<void> {
    const { redis, group, streams } = this.options;
    await ensureGroups(redis, streams.map(streamKeys.source), group, startId);
    // A redrive stream only ever holds entries meant for this group: read all of them.
    await ensureGroups(redis, streams.map((stream) => streamKeys.redrive(stream, group)), group, '0');
  }

  private problem(message: string, error: unknown): void {
    this.options.observer.problem?.(`[${this.options.group}/${this.options.consumer}] ${message}`, error);
  }
}
