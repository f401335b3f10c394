import type { EventEnvelope } from '@mesh/contract-kit';
import { type Attributes, context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import type { DeliveryInfo } from '../consumer/delivery';
import { traceContextOf, traceparentOf } from './event-trace-context';

const tracer = trace.getTracer('@mesh/messaging');

/** A `send` span started for one event, and the envelope to write: it carries that span's context. */
export interface SendSpan {
  readonly span: Span;
  readonly envelope: EventEnvelope;
}

/**
 * The producer span of one event's publication (`send orders.order.v1`, kind PRODUCER), a child
 * of the context the event was stored with (the request's or the handled event's), else of the
 * active one. The envelope written to the stream carries the send span's context, so that each
 * consumer's span is its child: one trace from the request to the last consumer's write.
 */
export function startSendSpan(envelope: EventEnvelope, stream: string): SendSpan {
  const parent = traceContextOf(envelope, context.active());
  const span = tracer.startSpan(
    `send ${stream}`,
    { kind: SpanKind.PRODUCER, attributes: { ...messageAttributes(envelope, stream), 'messaging.operation.type': 'send' } },
    parent,
  );
  if (!span.isRecording()) return { span, envelope };
  const traceparent = traceparentOf(trace.setSpan(parent, span));
  return { span, envelope: traceparent ? { ...envelope, traceparent } : envelope };
}

/** Ends a span, marking it failed when `error` is given. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

/**
 * Runs a consumer's handling of one event inside its `process` span (kind CONSUMER), a child of
 * the context the event carries (the producer's `send` span): its database writes, inbox row and
 * any events it stores continue the producer's trace. A handler that throws marks the span failed.
 */
export async function inProcessSpan<T>(event: EventEnvelope, delivery: DeliveryInfo, handle: () => Promise<T>): Promise<T> {
  const attributes: Attributes = {
    ...messageAttributes(event, delivery.stream),
    'messaging.operation.type': 'process',
    'messaging.consumer.group.name': delivery.group,
    'messaging.redis.stream.entry_id': delivery.entryId,
    'messaging.redis.delivery_count': delivery.deliveryCount,
    'messaging.redis.redriven': delivery.redriven,
  };
  const parent = traceContextOf(event);
  return tracer.startActiveSpan(`process ${delivery.stream}`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      const result = await handle();
      span.end();
      return result;
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
  });
}

// OpenTelemetry's messaging and CloudEvents conventions; Redis Streams has no `messaging.system`
// value of its own yet, so it is named `redis`.
function messageAttributes(event: EventEnvelope, stream: string): Attributes {
  return {
    'messaging.system': 'redis',
    'messaging.destination.name': stream,
    'messaging.message.id': event.id,
    'cloudevents.event_id': event.id,
    'cloudevents.event_source': event.source,
    'cloudevents.event_type': event.type,
    'cloudevents.event_subject': event.subject,
  };
}
