import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createTestApp } from '../../test/test-app';

describe('OpenAPI (openApi option)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ({ app } = await createTestApp({ openApi: { title: 'Test <App>', version: '2.1.0' } }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the document at /docs-json with the zod DTO schemas and without the ops endpoints', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      info: { title: string; version: string };
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    }>();
    expect(document.info).toMatchObject({ title: 'Test <App>', version: '2.1.0' });
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/items', '/items/{id}']));
    expect(Object.keys(document.paths).some((path) => path.startsWith('/health') || path === '/metrics')).toBe(false);
    const createItem = document.components.schemas['CreateItemDto'];
    expect(createItem?.required).toEqual(['name', 'email', 'quantity']);
    expect(createItem?.properties?.['email']).toMatchObject({ type: 'string', format: 'email' });
  });

  it('serves Swagger UI at /docs with its assets', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>Test &#60;App&#62;</title>');
    // Nothing inline: the page's own script is a file, so its policy needs no 'unsafe-inline' for scripts.
    expect(page.body).not.toMatch(/<script>/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    const initializer = await app.inject({ method: 'GET', url: '/docs/swagger-initializer.js' });
    expect(initializer.body).toContain("url: '/docs-json'");

    const bundle = await app.inject({ method: 'GET', url: '/docs/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('application/javascript');
    expect(bundle.body.length).toBeGreaterThan(10_000);
  });

  it('serves only the known asset files', async () => {
    for (const url of ['/docs/package.json', '/docs/..%2F..%2Fpackage.json', '/docs/index.html']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
    }
  });

  it('is off unless asked for', async () => {
    const { app: plain } = await createTestApp();
    try {
      expect((await plain.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
