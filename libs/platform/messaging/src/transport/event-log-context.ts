import type { EventEnvelope } from '@mesh/contract-kit';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

/**
 * Runs a handler with the event's trace context bound to the request-scoped logger of
 * nestjs-pino, as pino-http does for HTTP requests: every line the handler logs through
 * `PinoLogger` or Nest's `Logger` carries the event id, type, subject, traceparent and
 * correlation id. Without nestjs-pino set up, the handler simply runs.
 */
export function withEventLogContext<T>(event: EventEnvelope, handler: () => T): T {
  const root = PinoLogger.root as PinoLogger['logger'] | undefined;
  if (!root) return handler();
  const logger = root.child({
    event: { id: event.id, type: event.type, subject: event.subject },
    traceparent: event.traceparent,
    correlationId: event.correlationid,
    causationId: event.causationid,
  });
  return storage.run(new Store(logger), handler);
}
