import { OutboxRelay } from '@mesh/messaging';
import { Client } from 'pg';

import { registerCustomer } from '../test/customer-events';
import { OrdersTestApp } from '../test/orders-test-app';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('wiring');
});

afterAll(() => testApp?.close());

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: object }>>;
  components: { schemas: Record<string, { required?: string[] }> };
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
    expect(Object.keys(place.responses).sort()).toEqual(['201', '400', '409', '422']);
    expect(document.paths['/orders']['get'].parameters?.map((parameter) => parameter.name).sort()).toEqual([
      'customerId',
      'limit',
      'page',
      'status',
    ]);
    expect(document.components.schemas['PlaceOrderDto']?.required).toEqual(['customerId', 'currency', 'items']);
    expect(document.components.schemas['OrderResponseDto']?.required).toContain('total');
    expect((await testApp.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });

  it('is ready when PostgreSQL and Redis answer, and not ready without Redis', async () => {
    expect((await testApp.app.inject({ method: 'GET', url: '/health/ready' })).json()).toMatchObject({
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
    await testApp.redisServer.kill();
    const notReady = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json<{ message: string }>().message).toMatch(/^not ready: redis/);
    await testApp.redisServer.restart();
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
