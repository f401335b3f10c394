/**
 * A CloudEvents 1.0 event as the mesh carries it (ARCHITECTURE.md section 3). `id` is a UUIDv7:
 * unique, time-ordered, and the idempotency key consumers record in their inbox.
 */
export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  id: string;
  /** The producing domain as a URI reference, e.g. `/orders`. */
  source: string;
  /** The event type, e.g. `orders.order.placed`. */
  type: string;
  /** The aggregate the event is about, e.g. an order id; ordering is kept per subject. */
  subject: string;
  /** RFC 3339 timestamp of when the fact happened. */
  time: string;
  /** Identifier of the data's schema, with its major version. */
  dataschema: string;
  datacontenttype: 'application/json';
  data: TData;
  /** W3C trace context of the operation that produced the event. */
  traceparent?: string;
  /** Shared by every event of one business flow. */
  correlationid?: string;
  /** The id of the event (or request) that caused this one. */
  causationid?: string;
}

/** The optional extension attributes, in the order they are written to a stream entry. */
export const envelopeExtensions = ['traceparent', 'correlationid', 'causationid'] as const;

/** The required context attributes, in the order they are written to a stream entry. */
export const envelopeAttributes = [
  'id',
  'source',
  'type',
  'specversion',
  'time',
  'subject',
  'dataschema',
  'datacontenttype',
] as const;
