import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import type { IncomingMessage } from 'node:http';

// Polled every few seconds by orchestrators and Prometheus: a trace each would bury the real ones.
const UNTRACED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * The libraries every service's spans come from. Database and Redis commands are traced only
 * inside a trace (`requireParentSpan`): a request, a handled event or a job. Otherwise the
 * consumers' blocking reads, the relay's polling, BullMQ's housekeeping and the readiness
 * checks would each start a trace of one span, many per second.
 */
export function serviceInstrumentations() {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has(pathOf(request.url)),
      // The services' only outgoing HTTP is the token issuer's key set, fetched outside any request.
      requireParentforOutgoingSpans: true,
    }),
    new NestInstrumentation(),
    new PgInstrumentation({ requireParentSpan: true }),
    new MongoDBInstrumentation({ requireParentSpan: true }),
    new MongooseInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
}

function pathOf(url: string | undefined): string {
  const path = url ?? '';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}
