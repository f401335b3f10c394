import fc from 'fast-check';

import { bearer, newTokenIssuer, signAccessToken } from '../../../kit/src/access-tokens';
import { BODY_TARGETS } from './body-targets';
import { type FuzzContext, type MalformedRequest } from './malformed-request';

/** Requests that would be fine, were it not for their headers. */
const REQUESTS = fc.oneof(
  fc.constantFrom<Pick<MalformedRequest, 'service' | 'method' | 'path'>>(
    { service: 'orders', method: 'GET', path: '/orders' },
    { service: 'customers', method: 'GET', path: '/customers' },
    { service: 'analytics', method: 'GET', path: '/sales/daily' },
    { service: 'analytics', method: 'GET', path: '/products/top' },
  ),
  // Bodies that are valid but harmless: an order for an unknown customer, a new customer.
  fc
    .constantFrom(...BODY_TARGETS.filter((target) => target.method === 'POST'))
    .chain((target) =>
      fc
        .tuple(target.path, target.valid)
        .map(([path, body]) => ({ service: target.service, method: target.method, path, body: JSON.stringify(body) })),
    ),
);

/** What each bad Authorization header is, with the token that carries it. */
function badAuthorizations(context: FuzzContext): fc.Arbitrary<string | undefined> {
  const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ scope: 'orders:write customers:write analytics:read', exp: 4_102_444_800 })}.`;
  const scopes = ['orders:write', 'customers:write', 'analytics:read'];
  const now = Math.floor(Date.now() / 1_000);
  // Signed by the run's issuer with its own key, wrong in one claim each: 401.
  const ofIssuer = [
    signAccessToken(context.issuer, { scopes, issuedAt: now - 3_600, expiresInSeconds: 60 }),
    signAccessToken(context.issuer, { scopes, audience: ['inventory', 'billing'] }),
    signAccessToken(context.issuer, { scopes, expiresInSeconds: 86_400 }),
  ];
  // Keys the services do not trust: another issuer's (a kid not in the set), an HS256 secret.
  const stranger = newTokenIssuer('stranger');
  const forged = [
    signAccessToken(stranger, { scopes }),
    context.issuer.sign({ key: { secret: 'a-shared-secret-the-services-never-accept' }, scopes, audience: 'orders' }),
    context.issuer.sign({ issuer: 'https://another-issuer.example', scopes, audience: 'orders' }),
  ];
  return fc.oneof(
    fc.constantFrom(
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'bearer',
      'Basic dXNlcjpwYXNzd29yZA==',
      'Token abc',
      bearer('not.a.jwt'),
      bearer(unsigned),
      ...[...ofIssuer, ...forged].map(bearer),
      // Scopes of other domains only, and read where a write is asked: 403.
      bearer(signAccessToken(context.issuer, { scopes: ['inventory:read', 'inventory:write'] })),
      `${bearer(context.token)}x`,
    ),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 }).map((text) => bearer(text.trim() || 'x')),
  );
}

const BAD_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'image/png',
];

/** Missing or forged tokens, unsupported content types and bad Idempotency-Keys. */
export function badHeaders(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const authorizationCase = fc.tuple(REQUESTS, badAuthorizations(context)).map(([request, authorization]) => ({
    ...request,
    headers: {
      ...(authorization === undefined ? {} : { authorization }),
      ...('body' in request ? { 'content-type': 'application/json' } : {}),
    },
  }));
  const contentTypeCase = fc
    .tuple(
      REQUESTS.filter((request) => 'body' in request),
      fc.constantFrom(...BAD_CONTENT_TYPES),
    )
    .map(([request, contentType]) => ({
      ...request,
      headers: { authorization: bearer(context.token), 'content-type': contentType },
    }));
  const idempotencyKeyCase = fc
    .tuple(
      REQUESTS.filter((request) => request.service === 'orders' && request.path === '/orders' && 'body' in request),
      fc.oneof(
        fc.constant(''),
        fc.integer({ min: 201, max: 2_000 }).map((length) => 'k'.repeat(length)),
      ),
    )
    .map(([request, key]) => ({
      ...request,
      headers: { authorization: bearer(context.token), 'content-type': 'application/json', 'idempotency-key': key },
    }));
  return fc
    .oneof(
      { weight: 6, arbitrary: authorizationCase },
      { weight: 3, arbitrary: contentTypeCase },
      { weight: 1, arbitrary: idempotencyKeyCase },
    )
    .map((request): MalformedRequest => ({ category: 'bad headers', ...request }));
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
