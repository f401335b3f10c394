import { trace } from '@opentelemetry/api';

import type { FastifyServer } from '../http/fastify-server';

/**
 * Names the HTTP server span by its route, as OpenTelemetry's HTTP conventions ask
 * (`POST /orders/:id/cancel`, with `http.route`): the HTTP instrumentation sees only the method,
 * Fastify knows which route matched. Requests no route matched keep the method alone.
 */
export function nameServerSpansByRoute(fastify: FastifyServer): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    const span = trace.getActiveSpan();
    if (route && span?.isRecording()) {
      span.updateName(`${request.method} ${route}`);
      span.setAttribute('http.route', route);
    }
    done();
  });
}
