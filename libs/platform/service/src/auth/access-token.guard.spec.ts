import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PinoLogger } from 'nestjs-pino';

import { authorized, TEST_AUTH_SECRET } from '../../test/access-tokens';
import { epochSeconds, rsaKeyPair, signJwt, unsignedJwt } from '../../test/jwt-fixtures';
import { ScopedRoutesModule } from '../../test/scoped-routes.module';
import { createTestApp } from '../../test/test-app';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokenVerifier } from './access-token-verifier';
import { signAccessToken } from './sign-access-token';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const OTHER_SECRET = 'not-the-services-secret-but-long-enough';

describe('access tokens over HTTP (AccessTokenGuard, registered by ServiceModule)', () => {
  const rsa = rsaKeyPair();
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

    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz', 'the Authorization header must be "Bearer <token>"'],
      ['a malformed token', 'Bearer not-a-jwt', 'the token is not a JWT (header.payload.signature)'],
      [
        'a token of another secret',
        `Bearer ${signAccessToken({ secret: OTHER_SECRET, scopes: ['test-app:read'] })}`,
        'the token signature does not match (another key, or the token was altered)',
      ],
      [
        'an unsigned token (alg none)',
        `Bearer ${unsignedJwt({ scope: 'test-app:read', exp: epochSeconds(600) })}`,
        'tokens signed with "none" are not accepted (accepted: HS256)',
      ],
      [
        'an RS256 token while only HS256 is enabled',
        `Bearer ${signJwt({ scope: 'test-app:read' }, { privateKey: rsa.privateKey })}`,
        'tokens signed with "RS256" are not accepted (accepted: HS256)',
      ],
    ])('with %s', async (_case, authorization, message) => {
      const response = await get('/items', { authorization });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message });
      expect(response.headers['www-authenticate']).toBe(
        `Bearer realm="test-app", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
      );
    });

    it('with an expired token, saying when it expired', async () => {
      const expired = signJwt({ scope: 'test-app:read', exp: epochSeconds(-5) }, { secret: TEST_AUTH_SECRET }, {});
      const response = await get('/items', bearer(expired));
      expect(response.statusCode).toBe(401);
      expect(response.json<{ message: string }>().message).toMatch(/^the token expired at /);
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
    const fromScp = signJwt({ sub: 'svc-analytics', scp: ['test-app:read'] }, { secret: TEST_AUTH_SECRET });
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

describe('RS256 with AUTH_JWT_PUBLIC_KEY', () => {
  const rsa = rsaKeyPair();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ({ app } = await createTestApp({ env: { AUTH_JWT_PUBLIC_KEY: rsa.publicKeyPem } }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('accepts tokens of the key pair, still asks for the scope, and keeps HS256', async () => {
    const rs256 = (scope: string) => bearer(signJwt({ scope }, { privateKey: rsa.privateKey }));
    expect((await app.inject({ method: 'GET', url: '/items', headers: rs256('test-app:read') })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/items', headers: rs256('test-app:write') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/items', headers: authorized() })).statusCode).toBe(200);
  });

  it('refuses tokens of another key pair', async () => {
    const other = bearer(signJwt({ scope: 'test-app:read' }, { privateKey: rsaKeyPair().privateKey }));
    expect((await app.inject({ method: 'GET', url: '/items', headers: other })).statusCode).toBe(401);
  });
});

describe('AccessTokenGuard outside HTTP', () => {
  it('lets stream handlers (rpc) through: the broker’s ACLs guard those', () => {
    const guard = new AccessTokenGuard(
      new Reflector(),
      new AccessTokenVerifier({ production: false }),
      { name: 'x' },
      {} as PinoLogger,
    );
    expect(guard.canActivate({ getType: () => 'rpc' } as ExecutionContext)).toBe(true);
  });
});
