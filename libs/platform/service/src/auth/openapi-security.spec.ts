import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ScopedRoutesModule } from '../../test/scoped-routes.module';
import { createTestApp } from '../../test/test-app';

interface Operation {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { description: string }>;
  'x-required-scope'?: string;
  'x-mesh-public'?: boolean;
}

interface Document {
  security?: Array<Record<string, string[]>>;
  components: { securitySchemes?: Record<string, Record<string, string>> };
  paths: Record<string, Record<string, Operation>>;
}

describe('OpenAPI document: the bearer scheme and each operation’s scope', () => {
  let app: NestFastifyApplication;
  let document: Document;

  beforeAll(async () => {
    ({ app } = await createTestApp({ imports: [ScopedRoutesModule], openApi: { title: 'Test' } }));
    document = (await app.inject({ method: 'GET', url: '/docs-json' })).json<Document>();
  });

  afterAll(async () => {
    await app.close();
  });

  it('declares an HTTP bearer JWT scheme and requires it by default', () => {
    expect(document.components.securitySchemes?.['bearer']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.components.securitySchemes?.['bearer']?.['description']).toContain(
      'npm run mesh -- token --scopes test-app:read',
    );
    expect(document.security).toEqual([{ bearer: [] }]);
  });

  it('names the scope of each operation: the default rule, or the one of @RequireScope', () => {
    const scopes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => [
        `${method.toUpperCase()} ${path}`,
        operation['x-required-scope'],
      ]),
    );
    expect(Object.fromEntries(scopes)).toMatchObject({
      'GET /items': 'test-app:read',
      'POST /items': 'test-app:write',
      'GET /items/{id}': 'test-app:read',
      'POST /scoped/purge': 'test-app:admin',
      'GET /reports': 'reports:read',
    });
    expect(document.paths['/items']?.['post']?.responses).toMatchObject({
      '401': { description: expect.stringContaining('No access token') },
      '403': { description: 'The access token lacks scope `test-app:write`.' },
    });
  });

  it('marks @Public() operations as needing no token', () => {
    for (const operation of [document.paths['/scoped/open']?.['get'], document.paths['/reports/summary']?.['get']]) {
      expect(operation).toMatchObject({ security: [] });
      expect(operation).not.toHaveProperty('x-mesh-public');
      expect(operation).not.toHaveProperty('x-required-scope');
      expect(operation?.responses).not.toHaveProperty('401');
    }
  });
});
