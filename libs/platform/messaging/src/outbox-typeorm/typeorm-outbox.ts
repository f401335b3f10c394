import type { EventCatalog, EventEnvelope } from '@mesh/contract-kit';
import type { EntityManager } from 'typeorm';

import { checkPublishable, type OutgoingEvent, UnpublishableEventError } from '../outbox/publishable-event';
import { withActiveTraceContext } from '../tracing/event-trace-context';
import { outboxChannel, outboxTable } from './outbox-names';

/**
 * The producer side of the PostgreSQL outbox: events are written in the same transaction as
 * the change they describe, so they are committed (and later published by the outbox relay)
 * exactly when the change is, whether Redis is reachable or not.
 */
export class TypeormOutbox {
  /** @param catalog the contracts of every event type this domain produces. */
  constructor(private readonly catalog: EventCatalog) {}

  /**
   * Adds events to the outbox inside the caller's transaction. All pass `checkPublishable`
   * first: one invalid event throws and nothing is written.
   * @throws when `manager` is not in a transaction, an event breaks its contract, or an id repeats.
   */
  async add(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'outbox.add needs the EntityManager of a running transaction (dataSource.transaction(manager => …)), ' +
          'otherwise the events would not commit or roll back with the change',
      );
    }
    // Each row keeps the trace context of the change's request (or handled event) in its envelope.
    const checked = events.map((event) => this.check(withActiveTraceContext(event)));
    if (checked.length === 0) return;
    // One statement whatever the count: unnest keeps far below the 65,535 bind parameter limit
    // that a multi-row VALUES would hit, and WITH ORDINALITY gives positions in array order.
    await manager.query(
      `INSERT INTO ${outboxTable} (event_id, stream, type, subject, envelope)
       SELECT event_id, stream, type, subject, envelope::json
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
            WITH ORDINALITY AS added(event_id, stream, type, subject, envelope, index)
       ORDER BY index`,
      [
        checked.map(({ envelope }) => envelope.id),
        checked.map(({ stream }) => stream),
        checked.map(({ envelope }) => envelope.type),
        checked.map(({ envelope }) => envelope.subject),
        checked.map(({ envelope }) => JSON.stringify(envelope)),
      ],
    );
    // Delivered at commit and dropped on rollback, so the relay wakes only for committed rows.
    await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel]);
  }

  private check(event: EventEnvelope): OutgoingEvent {
    try {
      return checkPublishable(this.catalog, event);
    } catch (error) {
      if (!(error instanceof UnpublishableEventError)) throw error;
      throw new Error(`outbox: cannot add ${event.type} ${event.id}: ${error.reason}`, { cause: error.cause ?? error });
    }
  }
}
