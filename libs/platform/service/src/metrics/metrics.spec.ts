import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Counter, Registry } from 'prom-client';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';
import { UNMATCHED_ROUTE } from './http-metrics';

describe('GET /metrics', () => {
  let app: NestFastifyApplication;

  beforeEach(async () => {
    ({ app } = await createTestApp());
  });

  afterEach(async () => {
    await app.close();
  });

  async function scrape(target = app): Promise<string> {
    const response = await target.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body;
  }

  it('exposes the default process metrics', async () => {
    const body = await scrape();
    expect(body).toContain('process_cpu_user_seconds_total');
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts requests by method, route pattern and status code', async () => {
    const id = '4b0ec5b6-5bd1-4d8e-9d6c-1b2b4c3d2e1f';
    await app.inject({ method: 'GET', url: `/items/${id}`, headers: authorized() });
    await app.inject({ method: 'GET', url: '/items/0d5b3f6e-9a53-4a8f-8e3c-7b8f1d2a9c10', headers: authorized() });
    await app.inject({ method: 'GET', url: '/items/not-a-uuid', headers: authorized() });
    await app.inject({
      method: 'POST',
      url: '/items',
      headers: authorized(),
      payload: { name: 'a', email: 'a@b.co', quantity: 1 },
    });
    await app.inject({ method: 'GET', url: '/no/such/route' });

    const body = await scrape();
    expect(body).toContain('http_requests_total{method="GET",route="/items/:id",status_code="200"} 2');
    expect(body).toContain('http_requests_total{method="GET",route="/items/:id",status_code="400"} 1');
    expect(body).toContain('http_requests_total{method="POST",route="/items",status_code="201"} 1');
    expect(body).toContain(`http_requests_total{method="GET",route="${UNMATCHED_ROUTE}",status_code="404"} 1`);
    expect(body).not.toContain(id);
    expect(body).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/items\/:id",status_code="200"\} \d/,
    );
    expect(body).toContain('http_request_duration_seconds_count{method="GET",route="/items/:id",status_code="200"} 2');
  });

  it('gives each app its own registry, open to domain metrics', async () => {
    const { app: other } = await createTestApp();
    try {
      new Counter({ name: 'orders_placed_total', help: 'orders placed', registers: [app.get(Registry)] }).inc(3);
      await app.inject({ method: 'GET', url: '/items', headers: authorized() });

      expect(await scrape()).toContain('orders_placed_total 3');
      const otherBody = await scrape(other);
      expect(otherBody).not.toContain('orders_placed_total');
      expect(otherBody).not.toContain('route="/items"');
    } finally {
      await other.close();
    }
  });
});
