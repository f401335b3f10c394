import { envelopeAttributes } from '../envelope/event-envelope';
import type { EventContract } from '../schema/define-event';
import type { JsonObject } from './json-document';

/**
 * The CloudEvents attributes of one event type as AsyncAPI message headers: on a Redis stream
 * entry they are the fields beside `data`, which holds the payload as JSON.
 */
export function cloudEventHeaders(event: EventContract): JsonObject {
  return {
    type: 'object',
    description:
      'CloudEvents 1.0 attributes, written as the fields of the stream entry beside `data` (the payload as JSON).',
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
        description: 'UUIDv7: unique, time-ordered, and the idempotency key consumers record.',
      },
      source: { type: 'string', const: event.source },
      type: { type: 'string', const: event.type },
      specversion: { type: 'string', const: '1.0' },
      time: { type: 'string', format: 'date-time', description: 'When the fact happened (RFC 3339).' },
      subject: { type: 'string', minLength: 1, description: 'The aggregate id; order is kept per subject.' },
      dataschema: { type: 'string', const: event.dataschema, description: 'The $id of the payload JSON Schema.' },
      datacontenttype: { type: 'string', const: 'application/json' },
      traceparent: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description: 'W3C trace context of the operation that produced the event.',
      },
      correlationid: { type: 'string', description: 'Shared by every event of one business flow.' },
      causationid: { type: 'string', description: 'The id of the event or request that caused this one.' },
    },
    required: [...envelopeAttributes],
  };
}

/** Example header values that match `cloudEventHeaders(event)`, for the message example. */
export function exampleHeaders(event: EventContract): JsonObject {
  return {
    id: '01900000-0000-7000-8000-000000000000',
    source: event.source,
    type: event.type,
    specversion: '1.0',
    time: '2026-01-01T00:00:00.000Z',
    subject: exampleSubject(event.example),
    dataschema: event.dataschema,
    datacontenttype: 'application/json',
  };
}

/** The first `…Id` field of the example payload: by convention the aggregate the event is about. */
function exampleSubject(example: unknown): string {
  if (example !== null && typeof example === 'object') {
    for (const [key, value] of Object.entries(example)) {
      if (key.endsWith('Id') && typeof value === 'string') return value;
    }
  }
  return 'example-subject';
}
