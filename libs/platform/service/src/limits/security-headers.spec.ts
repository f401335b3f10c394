import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';
import { TestAppModule } from '../../test/test-app.module';
import { createServiceApp } from '../bootstrap/create-service-app';

const SHOP = 'https://shop.example.com';
const PREFLIGHT = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' };

describe('security headers and CORS', () => {
  let app: NestFastifyApplication;

  afterEach(async () => {
    await app?.close();
  });

  it('sends helmet headers with a content security policy fit for JSON, on answers and errors alike', async () => {
    ({ app } = await createTestApp());

    for (const response of [
      await app.inject({ method: 'GET', url: '/items', headers: authorized() }),
      await app.inject({ method: 'GET', url: '/items' }),
      await app.inject({ method: 'GET', url: '/health/live' }),
    ]) {
      expect(response.headers).toMatchObject({
        'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringContaining('max-age='),
        'cross-origin-resource-policy': 'same-origin',
      });
    }
  });

  it('allows no origin unless CORS_ORIGINS names it: no CORS header, and a preflight gets 404', async () => {
    ({ app } = await createTestApp());

    const simple = await app.inject({ method: 'GET', url: '/items', headers: { ...authorized(), origin: SHOP } });
    const preflight = await app.inject({ method: 'OPTIONS', url: '/items', headers: { origin: SHOP, ...PREFLIGHT } });

    expect(simple.statusCode).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(404);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the origins in CORS_ORIGINS call with a token, and only those', async () => {
    ({ app } = await createTestApp({ env: { CORS_ORIGINS: `${SHOP}, https://admin.example.com` } }));

    const preflight = await app.inject({ method: 'OPTIONS', url: '/items', headers: { origin: SHOP, ...PREFLIGHT } });
    const simple = await app.inject({ method: 'GET', url: '/items', headers: { ...authorized(), origin: SHOP } });
    const other = await app.inject({
      method: 'OPTIONS',
      url: '/items',
      headers: { origin: 'https://evil.example.com', ...PREFLIGHT },
    });

    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': SHOP,
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-request-id',
      'access-control-max-age': '600',
      vary: expect.stringContaining('Origin'),
    });
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    expect(simple.headers['access-control-allow-origin']).toBe(SHOP);
    expect(simple.headers['access-control-expose-headers']).toContain('retry-after');
    expect(other.statusCode).toBe(404);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(['*', 'https://shop.example.com/', 'shop.example.com', 'https://*.example.com'])(
    'refuses %s in CORS_ORIGINS, naming the variable',
    async (origins) => {
      const started = createServiceApp(TestAppModule.register(), { env: { CORS_ORIGINS: origins } });

      await expect(started).rejects.toMatchObject({
        problems: [{ variable: 'CORS_ORIGINS', message: expect.stringContaining('origins like https://') }],
      });
    },
  );

  it('gives Swagger UI a policy of its own that runs only its own files', async () => {
    ({ app } = await createTestApp({ openApi: { title: 'Test' } }));

    const page = await app.inject({ method: 'GET', url: '/docs' });

    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});
