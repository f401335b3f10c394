import { context, trace } from '@opentelemetry/api';

/** The fields that join a log line to its trace, under the names of OpenTelemetry's log data model. */
export interface TraceLogFields {
  trace_id?: string;
  span_id?: string;
  trace_flags?: string;
}

/**
 * A pino mixin: every line written while a span is active (a request, a handled event, a job)
 * carries its `trace_id`, `span_id` and `trace_flags`. With tracing off there is never an active
 * span, and the mixin adds nothing.
 */
export function traceLogFields(): TraceLogFields {
  const span = trace.getSpan(context.active());
  // A new object each time: pino merges the line's own fields into what the mixin returns.
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: traceFlags.toString(16).padStart(2, '0') };
}
