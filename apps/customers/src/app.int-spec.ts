import { ConfigValidationError, createServiceApp } from '@mesh/service';

import { authorized } from '../test/access-tokens';
import { customersAppForThisFile, testRedisUrl } from '../test/customers-app';
import { CustomersAppModule } from './app.module';

jest.setTimeout(30_000);

interface OpenApiDocument {
  info: { title: string };
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ name: string; in: string }>; responses: object; 'x-required-scope'?: string }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

describe('the customers service', () => {
  const context = customersAppForThisFile();

  it('is ready once MongoDB and Redis answer', async () => {
    const response = await context.service.app.inject({ method: 'GET', url: '/health/ready' });

    expect(response.statusCode).toBe(200);
  });

  it('documents every endpoint, its parameters and its answers at /docs-json', async () => {
    const response = await context.service.app.inject({ method: 'GET', url: '/docs-json' });

    expect(response.statusCode).toBe(200);
    const document = response.json<OpenApiDocument>();
    expect(document.info.title).toBe('Customers');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([
      'GET /customers',
      'GET /customers/{id}',
      'PATCH /customers/{id}',
      'POST /customers',
      'POST /customers/{id}/deactivate',
    ]);
    const list = document.paths['/customers']['get'];
    expect(list.parameters?.map((parameter) => `${parameter.in} ${parameter.name}`)).toEqual(
      expect.arrayContaining(['query country', 'query page', 'query limit']),
    );
    expect(Object.keys(document.paths['/customers']['post'].responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
    ]);
    expect(Object.keys(document.paths['/customers/{id}']['patch'].responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
    ]);
    expect(document.paths['/customers/{id}']['patch']['x-required-scope']).toBe('customers:write');
    expect(document.paths['/customers/{id}']['get']['x-required-scope']).toBe('customers:read');
    expect(Object.keys(document.components.schemas['RegisterCustomerDto'].properties ?? {})).toEqual([
      'name',
      'email',
      'country',
      'marketingConsent',
    ]);
    expect(document.components.schemas['CustomerResponseDto_Output'].properties).toHaveProperty('tier');
  });

  it('asks for a token with customers:read to read and customers:write to change', async () => {
    const inject = (method: 'GET' | 'POST', headers: Record<string, string>) =>
      context.service.app.inject({ method, url: '/customers', headers, ...(method === 'POST' && { payload: {} }) });
    const anonymous = await inject('GET', {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="customers"');
    expect((await inject('GET', authorized(['orders:read']))).json()).toMatchObject({ requiredScope: 'customers:read' });
    expect((await inject('GET', authorized(['customers:read']))).statusCode).toBe(200);
    expect((await inject('POST', authorized(['customers:read']))).json()).toMatchObject({
      statusCode: 403,
      requiredScope: 'customers:write',
    });
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await context.service.app.inject({ method: 'GET', url: '/docs' });

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<script src="/docs/swagger-initializer.js"></script>');
    const initializer = await context.service.app.inject({ method: 'GET', url: '/docs/swagger-initializer.js' });
    expect(initializer.body).toContain("url: '/docs-json'");
  });

  it('refuses to start when the gold minimum is not above the silver one, naming both variables', async () => {
    const start = createServiceApp(CustomersAppModule, {
      env: {
        CUSTOMERS_MONGODB_URL: 'mongodb://127.0.0.1:27017/customers_never_used',
        REDIS_URL: testRedisUrl(),
        TIER_SILVER_MIN_ORDERS: '5',
        TIER_GOLD_MIN_ORDERS: '5',
      },
      logDestination: { write: () => undefined },
    });

    await expect(start).rejects.toThrow(ConfigValidationError);
    await expect(start).rejects.toThrow(/TIER_GOLD_MIN_ORDERS: must be greater than TIER_SILVER_MIN_ORDERS/);
  });
});
