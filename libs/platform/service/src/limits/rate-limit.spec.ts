import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { authorized, TEST_APP_SCOPES, TEST_ISSUER } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';

const asSubject = (subject: string) => ({
  authorization: `Bearer ${TEST_ISSUER.sign({ scopes: TEST_APP_SCOPES, audience: 'test-app', subject })}`,
});

describe('rate limit per client', () => {
  let app: NestFastifyApplication;

  const get = (url: string, headers: Record<string, string> = authorized()) =>
    app.inject({ method: 'GET', url, headers });

  afterEach(async () => {
    await app?.close();
  });

  it('answers 429 with Retry-After and the usual error body once a client sent RATE_LIMIT_MAX requests in the window', async () => {
    ({ app } = await createTestApp({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } }));
    const allowed = [await get('/items'), await get('/items'), await get('/items')];
    const refused = await get('/items');

    expect(allowed.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect(allowed[2].headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['x-ratelimit-limit']).toBe('3');
    expect(refused.headers['x-request-id']).toEqual(expect.any(String));
    expect(refused.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^too many requests: at most 3 per 60 s for each client; send again in \d+ s$/),
    });
  });

  it('counts each subject apart, and apart from the address it calls from', async () => {
    ({ app } = await createTestApp({ env: { RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' } }));
    const ada = asSubject('ada');
    await get('/items', ada);
    await get('/items', ada);
    expect((await get('/items', ada)).statusCode).toBe(429);

    // Same address: another subject, and no token at all, each have their own count.
    expect((await get('/items', asSubject('grace'))).statusCode).toBe(200);
    expect((await get('/items', {})).statusCode).toBe(401);
  });

  it('counts tokens that do not verify against the address, whatever subject they name', async () => {
    ({ app } = await createTestApp({ env: { RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' } }));
    const forged = (subject: string) => {
      const payload = Buffer.from(JSON.stringify({ sub: subject, scope: 'test-app:read', exp: 4e9 })).toString(
        'base64url',
      );
      return { authorization: `Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.c2lnbmF0dXJl` };
    };
    const statuses = [];
    for (const subject of ['a', 'b', 'c']) statuses.push((await get('/items', forged(subject))).statusCode);

    expect(statuses).toEqual([401, 401, 429]);
  });

  it('never throttles /health/* and /metrics', async () => {
    ({ app } = await createTestApp({ env: { RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '60000' } }));
    await get('/items', {});
    expect((await get('/items', {})).statusCode).toBe(429);

    for (const url of ['/health/live', '/health/ready', '/metrics', '/health/live']) {
      expect((await get(url, {})).statusCode).toBe(200);
    }
  });

  it('starts a new window once the old one ends', async () => {
    ({ app } = await createTestApp({ env: { RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '300' } }));
    expect((await get('/items')).statusCode).toBe(200);
    expect((await get('/items')).statusCode).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, 350));

    expect((await get('/items')).statusCode).toBe(200);
  });

  it('counts the address X-Forwarded-For gives only behind as many proxies as TRUST_PROXY_HOPS says', async () => {
    const env = { RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '60000' };
    const from = (client: string) => ({ 'x-forwarded-for': client });

    ({ app } = await createTestApp({ env: { ...env, TRUST_PROXY_HOPS: '1' } }));
    expect([(await get('/items', from('203.0.113.1'))).statusCode, (await get('/items', from('203.0.113.2'))).statusCode]).toEqual([
      401, 401,
    ]);
    expect((await get('/items', from('203.0.113.1'))).statusCode).toBe(429);
    await app.close();

    // Without a trusted proxy the header is the client's own claim: a new one per request changes nothing.
    ({ app } = await createTestApp({ env }));
    expect((await get('/items', from('203.0.113.1'))).statusCode).toBe(401);
    expect((await get('/items', from('203.0.113.2'))).statusCode).toBe(429);
  });
});
