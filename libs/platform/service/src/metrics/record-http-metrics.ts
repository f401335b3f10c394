import type { FastifyServer } from '../http/fastify-server';
import type { HttpMetrics } from './http-metrics';

/**
 * Measured in a Fastify hook rather than a Nest interceptor so requests that
 * never reach a handler (404, 413, 415, bad JSON) are counted too.
 */
export function recordHttpMetrics(fastify: FastifyServer, metrics: HttpMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
}
