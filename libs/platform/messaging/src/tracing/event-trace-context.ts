import type { EventEnvelope } from '@mesh/contract-kit';
import { type Context, context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';

/**
 * The event with the trace context of the work now running (the request that made the change,
 * the event being handled, the job) in its CloudEvents `traceparent` extension. Both outboxes
 * store events through this, so the context travels with the outbox entry to the relay and on to
 * every consumer. An event keeps its own `traceparent` only when nothing is being traced (tracing
 * off, or work outside any trace).
 */
export function withActiveTraceContext(event: EventEnvelope): EventEnvelope {
  const traceparent = traceparentOf(context.active());
  return traceparent && traceparent !== event.traceparent ? { ...event, traceparent } : event;
}

/** The W3C `traceparent` of a context, or undefined when it holds no valid span (or tracing is off). */
export function traceparentOf(active: Context): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(active, carrier);
  return carrier.traceparent;
}

/** The context an event's `traceparent` names, on top of `base`; `base` itself when it has none. */
export function traceContextOf(event: EventEnvelope, base: Context = ROOT_CONTEXT): Context {
  return event.traceparent ? propagation.extract(base, { traceparent: event.traceparent }) : base;
}
