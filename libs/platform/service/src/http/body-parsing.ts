import type { FastifyServer } from './fastify-server';

/** Fastify's default JSON parser, which is the callback form of a body parser. */
type JsonParser = (
  request: Parameters<ReturnType<FastifyServer['getDefaultJsonParser']>>[0],
  body: string,
  done: (error: Error | null, body?: unknown) => void,
) => void;

/**
 * JSON only: Fastify also parses text/plain by default, which would reach a
 * handler as a string and fail validation with a confusing 400 instead of 415.
 * `application/*+json` (merge-patch, CloudEvents) is JSON too.
 *
 * An empty body is no body, whatever its content type: many clients send
 * `content-type: application/json` with every POST, body or not. It reaches
 * the handler as `undefined`, as a request without a content type does, so a
 * route whose body is optional accepts it and one that needs a body answers
 * its own validation 400 (`body: is required but not set`). Anything else
 * that is not JSON, whitespace alone included, is still a 400 "not valid JSON".
 */
export function acceptJsonBodiesOnly(fastify: FastifyServer): void {
  const parseJson = emptyBodyIsNoBody(fastify.getDefaultJsonParser('error', 'error') as JsonParser);
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  fastify.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, parseJson);
}

function emptyBodyIsNoBody(parseJson: JsonParser): JsonParser {
  return (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body, done);
  };
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
