import { EventCatalog, EventEnvelope, encodeStreamEntry } from '@mesh/contract-kit';
import type { Redis } from 'ioredis';

import { streamKeys } from '../streams/stream-keys';

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
 * Writes events to the streams that their contracts name. Every event is validated strictly
 * against its contract first, so an invalid event is refused before anything is written; a
 * batch goes out as one pipeline of XADDs, in order.
 */
export class EventPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly catalog: EventCatalog,
    private readonly observer?: PublisherObserver,
  ) {}

  async publish(event: EventEnvelope): Promise<PublishedEvent> {
    const [published] = await this.publishBatch([event]);
    return published;
  }

  async publishBatch(events: readonly EventEnvelope[]): Promise<PublishedEvent[]> {
    if (events.length === 0) {
      return [];
    }
    const streams = events.map((event) => this.streamOf(event));
    const pipeline = this.redis.pipeline();
    events.forEach((event, index) => {
      pipeline.xadd(streamKeys.source(streams[index]), '*', ...encodeStreamEntry(event));
    });
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, entryId], index) => {
      if (error) {
        throw new Error(`XADD of ${events[index].type} ${events[index].id} to ${streams[index]} failed: ${error.message}`, {
          cause: error,
        });
      }
      this.observer?.published(streams[index], events[index].type);
      return { eventId: events[index].id, stream: streams[index], entryId: entryId as string };
    });
  }

  /** @throws when the type is not one this publisher produces, or its data breaks the contract. */
  private streamOf(event: EventEnvelope): string {
    const contract = this.catalog.get(event.type);
    if (!contract) {
      throw new Error(`cannot publish ${event.type}: not an event type of this publisher (${this.catalog.types().join(', ')})`);
    }
    if (event.dataschema !== contract.dataschema) {
      throw new Error(`cannot publish ${event.type} ${event.id}: dataschema ${event.dataschema} is not ${contract.dataschema}`);
    }
    contract.parseStrict(event.data);
    return contract.stream;
  }
}
