import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PinoLogger } from 'nestjs-pino';

import { authorized, TEST_ISSUER } from '../../test/access-tokens';
import { epochSeconds, signJwt, unsignedJwt } from '../../test/jwt-fixtures';
import { ScopedRoutesModule } from '../../test/scoped-routes.module';
import { createTestApp } from '../../test/test-app';
import { createTestIssuer } from '../testing/test-issuer';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokenVerifier } from './access-token-verifier';
import { generateSigningKey } from './signing-key';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const SECRET = 'a-development-secret-that-is-long-enough';
/** A token of the test issuer for the test app, as each case changes it. */
const token = (request: Partial<Parameters<typeof TEST_ISSUER.sign>[0]> = {}) =>
  `Bearer ${TEST_ISSUER.sign({ audience: 'test-app', scopes: ['test-app:read'], ...request })}`;
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: TEST_ISSUER.issuer,
  aud: 'test-app',
  iat: epochSeconds(),
  exp: epochSeconds(600),
  scope: 'test-app:read',
  ...extra,
});

describe('access tokens over HTTP (AccessTokenGuard, registered by ServiceModule)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ({ app } = await createTestApp({ imports: [ScopedRoutesModule], openApi: { title: 'Test' } }));
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, headers, payload: { name: 'Widget', email: 'w@example.com', quantity: 1 } });

  describe('401: no token, or one that proves nothing', () => {
    it('without a token: the usual error body and a bare Bearer challenge', async () => {
      const response = await get('/items');
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'missing access token: send "Authorization: Bearer <token>"',
      });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="test-app"');
    });

    const stranger = generateSigningKey().privateJwk;
    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz', 'the Authorization header must be "Bearer <token>"'],
      ['a malformed token', 'Bearer not-a-jwt', 'the token is not a JWT (header.payload.signature)'],
      ['a token for another audience', token({ audience: 'orders' }), 'the token is for "orders", not for "test-app"'],
      [
        'a token of another issuer',
        `Bearer ${createTestIssuer('https://evil.example').sign({ audience: 'test-app', scopes: ['test-app:read'] })}`,
        // Its key is not in the set either; the issuer is checked after the signature.
        expect.stringMatching(/^no ES256 key ".*" in the key set this service checks tokens with/),
      ],
      [
        'a token of another issuer, signed with a key of the set',
        `Bearer ${signJwt(claims({ iss: 'https://evil.example' }), TEST_ISSUER.signingKey)}`,
        'the token was issued by "https://evil.example", not by "test-app-test-issuer"',
      ],
      [
        'a token that lives longer than allowed',
        token({ expiresInSeconds: 3601 }),
        'the token lives 3601 s (exp - iat), longer than the 3600 s this service accepts',
      ],
      [
        'a kid the key set does not hold',
        `Bearer ${signJwt(claims(), stranger)}`,
        `no ES256 key "${stranger.kid.slice(0, 40)}…" in the key set this service checks tokens with (a key of another issuer, or one retired)`,
      ],
      [
        'an HS256 token against the key set',
        `Bearer ${signJwt(claims(), { secret: SECRET }, { kid: TEST_ISSUER.signingKey.kid })}`,
        'tokens signed with "HS256" are not accepted (accepted: RS256, ES256, EdDSA)',
      ],
      [
        'an unsigned token (alg none)',
        `Bearer ${unsignedJwt(claims())}`,
        'tokens signed with "none" are not accepted (accepted: RS256, ES256, EdDSA)',
      ],
      [
        'an expired token, saying when it expired',
        token({ issuedAt: epochSeconds(-120), expiresInSeconds: 60 }),
        expect.stringMatching(/^the token expired at \d{4}-\d\d-\d\dT/),
      ],
    ])('with %s', async (_case, authorization, message) => {
      const response = await get('/items', { authorization });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message });
      const { message: said } = response.json<{ message: string }>();
      expect(response.headers['www-authenticate']).toBe(
        `Bearer realm="test-app", error="invalid_token", error_description="${said.replace(/"/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`,
      );
    });

    it('before validating the request: a bad body without a token is still a 401', async () => {
      const response = await app.inject({ method: 'POST', url: '/items', payload: { name: '' } });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('403: a valid token without the scope', () => {
    it('names the missing scope, the route and what the token grants', async () => {
      const response = await get('/items', authorized(['customers:read']));
      expect(response.statusCode).toBe(403);
      const message = 'the token lacks scope "test-app:read", which GET /items needs (it grants: customers:read)';
      expect(response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message, requiredScope: 'test-app:read' });
      expect(response.headers['www-authenticate']).toBe(
        `Bearer realm="test-app", error="insufficient_scope", error_description="${message.replace(/"/g, "'")}", scope="test-app:read"`,
      );
    });

    it('read allows GET and HEAD, not POST', async () => {
      const reader = authorized(['test-app:read']);
      expect((await get('/items', reader)).statusCode).toBe(200);
      expect((await app.inject({ method: 'HEAD', url: '/items', headers: reader })).statusCode).toBe(200);
      const write = await post('/items', reader);
      expect(write.statusCode).toBe(403);
      expect(write.json()).toMatchObject({ requiredScope: 'test-app:write' });
    });

    it('write allows POST, and does not imply read', async () => {
      const writer = authorized(['test-app:write']);
      expect((await post('/items', writer)).statusCode).toBe(201);
      const read = await get('/items', writer);
      expect(read.statusCode).toBe(403);
      expect(read.json()).toMatchObject({ requiredScope: 'test-app:read' });
    });

    it('@RequireScope replaces the default on a route', async () => {
      const purge = (scopes: string[]) =>
        app.inject({ method: 'POST', url: '/scoped/purge', headers: authorized(scopes) });
      const refused = await purge(['test-app:read', 'test-app:write']);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ requiredScope: 'test-app:admin' });
      expect((await purge(['test-app:admin'])).statusCode).toBe(201);
    });

    it('@RequireScope on a controller covers its routes', async () => {
      expect((await get('/reports', authorized(['test-app:read']))).json()).toMatchObject({
        requiredScope: 'reports:read',
      });
      expect((await get('/reports', authorized(['reports:read']))).statusCode).toBe(200);
    });
  });

  it('hands the handler the token’s subject and scopes, from scope or scp', async () => {
    const response = await get('/scoped/whoami', authorized(['test-app:read', 'orders:read']));
    expect(response.json()).toEqual({ scopes: ['test-app:read', 'orders:read'] });
    const fromScp = signJwt(
      claims({ sub: 'svc-analytics', scope: undefined, scp: ['test-app:read'] }),
      TEST_ISSUER.signingKey,
    );
    expect((await get('/scoped/whoami', bearer(fromScp))).json()).toEqual({
      subject: 'svc-analytics',
      scopes: ['test-app:read'],
    });
  });

  it.each(['/health/live', '/health/ready', '/metrics', '/docs', '/docs-json', '/scoped/open', '/reports/summary'])(
    '%s stays open without a token',
    async (url) => {
      expect((await get(url)).statusCode).toBe(200);
    },
  );

  it('open routes ignore a bad token rather than refuse it', async () => {
    expect((await get('/health/ready', { authorization: 'Bearer garbage' })).statusCode).toBe(200);
  });
});

describe('HS256 with AUTH_DEV_HS256=true and AUTH_JWT_SECRET (a development option)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ({ app } = await createTestApp({
      env: { AUTH_JWKS: '', AUTH_DEV_HS256: 'true', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'mesh-dev' },
    }));
  });

  afterAll(async () => {
    await app.close();
  });

  const hs256 = (extra: Record<string, unknown>, secret = SECRET) =>
    bearer(signJwt(claims({ iss: 'mesh-dev', ...extra }), { secret }));

  it('accepts tokens of the secret, still asking for the audience and the scope', async () => {
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/items', headers });
    expect((await get(hs256({}))).statusCode).toBe(200);
    expect((await get(hs256({ scope: 'test-app:write' }))).statusCode).toBe(403);
    expect((await get(hs256({ aud: 'orders' }))).json()).toMatchObject({
      message: 'the token is for "orders", not for "test-app"',
    });
  });

  it('refuses tokens of another secret, and of a key pair', async () => {
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/items', headers });
    expect((await get(hs256({}, `${SECRET}-but-another`))).statusCode).toBe(401);
    expect((await get(authorized())).json()).toMatchObject({
      statusCode: 401,
      message: 'tokens signed with "ES256" are not accepted (accepted: HS256)',
    });
  });
});

describe('AccessTokenGuard outside HTTP', () => {
  it('lets stream handlers (rpc) through: the broker’s ACLs guard those', async () => {
    const guard = new AccessTokenGuard(
      new Reflector(),
      new AccessTokenVerifier({ maxLifetimeSeconds: 3600, production: false }, 'x'),
      { name: 'x' },
      {} as PinoLogger,
    );
    await expect(guard.canActivate({ getType: () => 'rpc' } as ExecutionContext)).resolves.toBe(true);
  });
});
