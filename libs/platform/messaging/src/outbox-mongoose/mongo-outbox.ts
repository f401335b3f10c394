import { EventCatalog, EventEnvelope } from '@mesh/contract-kit';

import { checkPublishable, UnpublishableEventError } from '../outbox/publishable-event';
import { withActiveTraceContext } from '../tracing/event-trace-context';
import { outboxField } from './outbox-field';
import { fromPendingEvent, PendingEvent, toPendingEvent } from './pending-event';

/**
 * Puts events into the same single-document write as the change they describe, so that the
 * change and its events are committed together without a transaction. Every event is checked
 * strictly against its contract first: one invalid event refuses the whole write.
 */
export class MongoOutbox {
  constructor(private readonly catalog: EventCatalog) {}

  /** For `create`/`insertOne`/`insertMany`: `document` with the events in its outbox field. */
  documentWithEvents<TDocument extends object>(
    document: TDocument,
    events: readonly EventEnvelope[],
  ): TDocument & { [outboxField]: PendingEvent[] } {
    if (outboxField in document) {
      throw new Error(`the new document already sets ${outboxField}; pass every event to documentWithEvents`);
    }
    return { ...document, [outboxField]: this.pendingEvents(events) };
  }

  /** For `updateOne`/`findOneAndUpdate`/`bulkWrite`: `update` that also appends the events, in order. */
  withEvents<TUpdate extends object>(update: TUpdate, events: readonly EventEnvelope[]): TUpdate {
    const operators = update as Record<string, unknown>;
    if (Array.isArray(update) || Object.keys(operators).some((key) => !key.startsWith('$'))) {
      // A replacement would overwrite the pending events, and a pipeline cannot $push.
      throw new Error('withEvents needs an update made of operators ($set, $inc, …), not a replacement or pipeline');
    }
    const pending = this.pendingEvents(events);
    if (pending.length === 0) {
      return update;
    }
    const push = { ...(operators['$push'] as Record<string, unknown> | undefined) };
    if (outboxField in push) {
      throw new Error(`the update already pushes to ${outboxField}; pass every event to withEvents`);
    }
    push[outboxField] = { $each: pending };
    return { ...operators, $push: push } as TUpdate;
  }

  /**
   * The events as they are stored, in order.
   * @throws when an event is of an unknown type or breaks its contract.
   */
  pendingEvents(events: readonly EventEnvelope[]): PendingEvent[] {
    return events.map((event) => {
      try {
        // Stored with the trace context of the change's request (or handled event).
        const pending = toPendingEvent(withActiveTraceContext(event));
        // Checks what consumers will get: the envelope decoded from the stream entry, data after JSON.
        checkPublishable(this.catalog, fromPendingEvent(pending));
        return pending;
      } catch (error) {
        const reason = error instanceof UnpublishableEventError ? error.reason : (error as Error).message;
        throw new Error(`refusing to store ${event.type} ${event.id} in the outbox: ${reason}`, { cause: error });
      }
    });
  }
}
