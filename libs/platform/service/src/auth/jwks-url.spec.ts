import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createTestApp } from '../../test/test-app';
import { type JwksServer, serveJwks } from '../testing/jwks-server';
import { createTestIssuer } from '../testing/test-issuer';

/** Past jose's 30 s cooldown between two fetches of the key set. */
const AFTER_COOLDOWN_MS = 31_000;

describe('a service with AUTH_JWKS_URL (the production path, keys served over HTTP)', () => {
  const idp = createTestIssuer('https://idp.example');
  let server: JwksServer;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    server = await serveJwks(() => idp.keySet());
    ({ app } = await createTestApp({
      env: { AUTH_JWKS: '', AUTH_JWKS_URL: server.url, AUTH_ISSUER: idp.issuer },
    }));
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
    await server.close();
  });

  const get = (token: string) =>
    app.inject({ method: 'GET', url: '/items', headers: { authorization: `Bearer ${token}` } });
  const token = () => idp.sign({ audience: 'test-app', scopes: ['test-app:read'] });

  it('accepts tokens of the issuer, fetching its key set once', async () => {
    expect((await get(token())).statusCode).toBe(200);
    expect((await get(token())).statusCode).toBe(200);
    expect(server.fetches).toBe(1);
  });

  it('picks up a rotated key: the first token with the new kid fetches the key set again', async () => {
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + AFTER_COOLDOWN_MS);
    idp.rotate();
    expect((await get(token())).statusCode).toBe(200);
    expect(server.fetches).toBe(2);
    jest.restoreAllMocks();
  });

  it('refuses a kid the issuer does not publish, with a 401 that says so', async () => {
    const response = await get(createTestIssuer(idp.issuer).sign({ audience: 'test-app', scopes: ['test-app:read'] }));
    expect(response.statusCode).toBe(401);
    expect(response.json<{ message: string }>().message).toMatch(/^no ES256 key ".*" in the key set/);
  });

  it('answers 503 with Retry-After, not 401, while the key set cannot be fetched', async () => {
    const gone = await serveJwks(() => idp.keySet());
    await gone.close();
    const { app: cutOff, logs } = await createTestApp({
      env: { AUTH_JWKS: '', AUTH_JWKS_URL: gone.url, AUTH_ISSUER: idp.issuer },
    });
    try {
      const response = await cutOff.inject({
        method: 'GET',
        url: '/items',
        headers: { authorization: `Bearer ${token()}` },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({
        message: 'the keys that check access tokens cannot be fetched right now; try again shortly',
      });
      // The URL is for the operator's log, not for the caller.
      expect(response.body).not.toContain('127.0.0.1');
      expect(logs.lines).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: expect.stringContaining('cannot be fetched right now') }),
      );
    } finally {
      await cutOff.close();
    }
  });
});
