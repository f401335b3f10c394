import type { FastifyServer } from './fastify-server';
/**
 * JSON only: Fastify also parses text/plain by default, which would reach a
 * handler as a string and fail validation with a confusing 400 instead of 415.
 * `application/*+json` (merge-patch, CloudEvents) is JSON too.
 */
export function acceptJsonBodiesOnly(fastify: FastifyServer): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  fastify.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, parseJson);
}

/**
 * Applied per route (rather than as the server option) because the limit comes
 * from validated configuration, which exists only once the container is built;
 * it also makes request.routeOptions.bodyLimit report the real limit.
 */
export function limitRequestBodies(fastify: FastifyServer, bytes: number): void {
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit ??= bytes;
  });
}
