import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';

import type { FastifyServer } from '../http/fastify-server';
import { REQUEST_ID_HEADER } from '../logging/request-id';

/**
 * An API answers JSON, which a browser never renders: nothing may load from its answers and no
 * page may frame them. A route that serves a page (Swagger UI, the catalog) sets its own policy.
 */
const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
};

/** What a browser page may send and read across origins: the API's own headers, nothing else. */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', REQUEST_ID_HEADER];
const CORS_EXPOSED_HEADERS = [
  REQUEST_ID_HEADER,
  'location',
  'retry-after',
  'www-authenticate',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];
/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Helmet's headers on every answer (no sniffing, no framing, no referrer, HSTS, cross-origin
 * isolation) with a content security policy fit for JSON; and CORS for the origins in
 * `CORS_ORIGINS` only. A request from any other origin gets no CORS header (its page cannot read
 * the answer) and its preflight a 404. Tokens travel in the Authorization header, never in
 * cookies, so credentials are not allowed.
 */
export async function sendSecurityHeaders(fastify: FastifyServer, corsOrigins: readonly string[]): Promise<void> {
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
    frameguard: { action: 'deny' },
  });
  const allowed = new Set(corsOrigins);
  await fastify.register(fastifyCors, {
    origin: (origin: string | undefined, callback: (error: Error | null, allow: string | boolean) => void) =>
      callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: CORS_METHODS,
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
