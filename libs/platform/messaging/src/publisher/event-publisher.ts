import { encodeStreamEntry,EventCatalog, EventEnvelope } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

import { checkPublishable, type OutgoingEvent } from '../outbox/publishable-event';
import { groupBySlot } from '../streams/slot-groups';
import { streamKeys } from '../streams/stream-keys';
import { endSpan, startSendSpan } from '../tracing/messaging-spans';

/** Where one published event landed. */
export interface PublishedEvent {
  eventId: string;
  stream: string;
  entryId: string;
}

/** Hook through which metrics see what was published; must not throw. */
export interface PublisherObserver {
  published(stream: string, type: string): void;
}

/**
 * Writes events to the streams that their contracts name. Every event passes `checkPublishable`
 * first, so an invalid event is refused before anything is written; a batch goes out as one
 * pipeline of XADDs, in order (on a cluster, one pipeline per slot).
 */
export class EventPublisher {
  constructor(
    private readonly redis: RedisClient,
    private readonly catalog: EventCatalog,
    private readonly observer?: PublisherObserver,
  ) {}

  async publish(event: EventEnvelope): Promise<PublishedEvent> {
    const [published] = await this.publishBatch([event]);
    return published;
  }

  /** @throws when an event is not one this publisher produces or breaks its contract; then nothing is written. */
  async publishBatch(events: readonly EventEnvelope[]): Promise<PublishedEvent[]> {
    return this.publishChecked(events.map((event) => checkPublishable(this.catalog, event)));
  }

  /**
   * Writes events that already passed `checkPublishable` (an outbox checked them when it stored
   * them). Each event's publication is a `send` span in the trace its envelope names; the entry
   * written carries that span's context.
   */
  async publishChecked(events: readonly OutgoingEvent[]): Promise<PublishedEvent[]> {
    const published = new Map<OutgoingEvent, PublishedEvent>();
    // On a cluster a pipeline stays in one slot: one pipeline per slot, each in the batch's order.
    for (const group of groupBySlot(this.redis, events, ({ stream }) => streamKeys.source(stream))) {
      const landed = await this.publishInOneSlot(group);
      group.forEach((event, index) => published.set(event, landed[index]));
    }
    return events.map((event) => published.get(event) as PublishedEvent);
  }

  private async publishInOneSlot(events: readonly OutgoingEvent[]): Promise<PublishedEvent[]> {
    const sends = events.map(({ envelope, stream }) => startSendSpan(envelope, stream));
    const pipeline = this.redis.pipeline();
    events.forEach(({ stream }, index) => {
      pipeline.xadd(streamKeys.source(stream), '*', ...encodeStreamEntry(sends[index].envelope));
    });
    let replies: Awaited<ReturnType<typeof pipeline.exec>>;
    try {
      replies = await pipeline.exec();
    } catch (error) {
      for (const { span } of sends) endSpan(span, error);
      throw error;
    }
    const outcomes = (replies ?? []).map(([error]) => error ?? undefined);
    sends.forEach(({ span }, index) => endSpan(span, outcomes[index]));
    return (replies ?? []).map(([error, entryId], index) => {
      const { envelope, stream } = events[index];
      if (error) {
        throw new Error(`XADD of ${envelope.type} ${envelope.id} to ${stream} failed: ${error.message}`, {
          cause: error,
        });
      }
      this.observer?.published(stream, envelope.type);
      return { eventId: envelope.id, stream, entryId: entryId as string };
    });
  }
}
