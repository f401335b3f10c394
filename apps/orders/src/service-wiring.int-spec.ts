import { OutboxRelay } from '@mesh/messaging';
import { Client } from 'pg';

import { authorized } from '../test/access-tokens';
import { registerCustomer } from '../test/customer-events';
import { OrdersTestApp } from '../test/orders-test-app';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('wiring');
});

afterAll(() => testApp?.close());

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ name: string; in: string }>; responses: object; 'x-required-scope'?: string }>
  >;
  components: { schemas: Record<string, { required?: string[] }>; securitySchemes?: Record<string, object> };
}

describe('the orders service', () => {
  it('documents every endpoint at /docs-json, with the Idempotency-Key header and the schemas', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<OpenApiDocument>();
    expect(Object.keys(document.paths).sort()).toEqual([
      '/orders',
      '/orders/{id}',
      '/orders/{id}/cancel',
      '/orders/{id}/ship',
    ]);
    const place = document.paths['/orders']['post'];
    expect(place.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(place.responses).sort()).toEqual(['201', '400', '401', '403', '409', '422']);
    expect(document.paths['/orders']['get'].parameters?.map((parameter) => parameter.name).sort()).toEqual([
      'after',
      'customerId',
      'limit',
      'page',
      'status',
    ]);
    expect(document.components.schemas['PlaceOrderDto']?.required).toEqual(['customerId', 'currency', 'items']);
    expect(document.components.schemas['OrderResponseDto']?.required).toContain('total');
    expect((await testApp.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });

  it('documents the bearer scheme and the scope of each operation', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/docs-json' })).json<OpenApiDocument>();
    expect(document.components.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const scopes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation['x-required-scope']}`),
    );
    expect(scopes.sort()).toEqual([
      'GET /orders orders:read',
      'GET /orders/{id} orders:read',
      'POST /orders orders:write',
      'POST /orders/{id}/cancel orders:write',
      'POST /orders/{id}/ship orders:write',
    ]);
  });

  it('asks for a token with orders:read to read and orders:write to change', async () => {
    const list = (headers: Record<string, string>) => testApp.app.inject({ method: 'GET', url: '/orders', headers });
    expect((await list({})).statusCode).toBe(401);
    expect((await list({})).headers['www-authenticate']).toBe('Bearer realm="orders"');
    expect((await list(authorized(['customers:read']))).json()).toMatchObject({ statusCode: 403, requiredScope: 'orders:read' });
    expect((await list(authorized(['orders:read']))).statusCode).toBe(200);
    const readerPlaces = await testApp.placeOrder({}, authorized(['orders:read']));
    expect(readerPlaces.json()).toMatchObject({ statusCode: 403, requiredScope: 'orders:write' });
    expect((await testApp.placeOrder({}, { authorization: 'Bearer not-a-token' })).statusCode).toBe(401);
  });

  it('is ready when PostgreSQL and Redis answer, and stays ready without Redis, reporting it degraded', async () => {
    const ready = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ details: { database: { status: 'up' }, redis: { status: 'up' } } });
    expect(ready.json()).not.toHaveProperty('degraded');
    await testApp.redisServer.kill();
    try {
      // Orders are still placed (the outbox keeps their events), so the gateway keeps sending them.
      const degraded = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
      expect(degraded.statusCode).toBe(200);
      expect(degraded.json()).toMatchObject({
        degraded: ['redis'],
        details: { database: { status: 'up' }, redis: { status: 'down', message: expect.any(String) } },
      });
    } finally {
      // The tests after this one need Redis, whatever happened here.
      await testApp.redisServer.restart();
    }
    expect((await testApp.app.inject({ method: 'GET', url: '/health/ready' })).json()).not.toHaveProperty('degraded');
  });

  it('reports the outbox backlog and consumed events in /metrics', async () => {
    await registerCustomer(testApp);
    const metrics = (await testApp.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^mesh_outbox_backlog\{outbox="orders"\} 0$/m);
    expect(metrics).toMatch(
      /^mesh_events_consumed_total\{group="orders",stream="customers.customer.v1",type="customers.customer.registered"\} 1$/m,
    );
  });

  it('stops its relay on close, releasing the relay lock, without a relay warning', async () => {
    expect(testApp.app.get(OutboxRelay).active).toBe(true);
    const logged = testApp.logs.length;
    await testApp.app.close();
    const client = new Client({ connectionString: testApp.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ holders: number }>(
        `SELECT count(*)::int AS holders FROM pg_locks WHERE locktype = 'advisory' AND granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(rows).toEqual([{ holders: 0 }]);
    } finally {
      await client.end();
    }
    expect(testApp.logs.slice(logged).filter((line) => line.includes('"context":"OutboxRelay"'))).toEqual([]);
  });
});
