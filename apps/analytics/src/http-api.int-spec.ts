import { authorized } from '../test/access-tokens';
import { type AnalyticsTestApp, startAnalyticsApp } from '../test/analytics-test-app';
import { addDays, todayUtc } from './date-range/date-range';

describe('analytics HTTP API: parameters and errors', () => {
  let analytics: AnalyticsTestApp;

  beforeAll(async () => {
    analytics = await startAnalyticsApp('http');
  }, 60_000);

  afterAll(() => analytics?.close());

  const get = (url: string) => analytics.app.inject({ method: 'GET', url, headers: authorized() });

  it('answers ready once PostgreSQL and Redis answer', async () => {
    expect((await get('/health/ready')).statusCode).toBe(200);
  });

  it('serves the last 30 days by default, with top 10 products', async () => {
    const to = todayUtc();
    expect((await get('/sales/daily')).json()).toEqual({ from: addDays(to, -29), to, currency: null, days: [] });
    expect((await get('/products/top')).json()).toEqual({ from: addDays(to, -29), to, limit: 10, products: [] });
  });

  it('accepts a range of exactly 366 days', async () => {
    expect((await get('/sales/daily?from=2024-01-01&to=2024-12-31')).statusCode).toBe(200);
  });

  it.each([
    ['from after to', '/sales/daily?from=2026-03-02&to=2026-03-01', 'from: must not be after to (2026-03-01)'],
    ['a range of 367 days', '/sales/daily?from=2025-01-01&to=2026-01-02', 'to: the range 2025-01-01..2026-01-02 spans 367 days; at most 366'],
    ['a date that does not exist', '/sales/daily?from=2026-02-30&to=2026-03-01', 'from: must be a date as YYYY-MM-DD'],
    ['a lower-case currency', '/sales/daily?currency=eur', 'currency: an ISO 4217 currency code such as EUR'],
    ['an unknown parameter', '/sales/daily?day=2026-03-01', 'unknown field "day"'],
    ['a limit of 0', '/products/top?limit=0', 'limit: '],
    ['a limit of 101', '/products/top?limit=101', 'limit: '],
    ['a limit that is not a number', '/products/top?limit=ten', 'limit: '],
    ['a range of top products ending before it starts', '/products/top?from=2026-03-02&to=2026-03-01', 'from: must not be after to'],
    ['a customer id that is not a UUID', '/customers/42/value', 'id: must be a customer id (UUID)'],
    ['a job id with a space', '/admin/jobs/a%20b', 'id: must be a job id'],
  ])('refuses %s with a 400 naming the parameter', async (_case, url, message) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(message);
  });

  it('answers 404 for a customer with no applied event, without repeating the id', async () => {
    const id = '0190f5b1-9999-7cc1-9a55-3f6f0c1d2e3a';
    const response = await get(`/customers/${id}/value`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(id);
  });

  it('answers 404 for an unknown job', async () => {
    expect((await get('/admin/jobs/no-such-job')).statusCode).toBe(404);
  });

  it('documents every endpoint in OpenAPI', async () => {
    const paths = Object.keys((await get('/docs-json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/sales/daily', '/customers/{id}/value', '/products/top', '/admin/rebuild', '/admin/jobs/{id}']),
    );
  });

  it('asks for a token with analytics:read to read, and analytics:write to start a rebuild', async () => {
    const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>) => analytics.app.inject({ method, url, headers });
    const anonymous = await inject('GET', '/sales/daily', {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="analytics"');
    expect((await inject('GET', '/products/top', authorized(['orders:read']))).json()).toMatchObject({ requiredScope: 'analytics:read' });
    expect((await inject('GET', '/products/top', authorized(['analytics:read']))).statusCode).toBe(200);
    expect((await inject('POST', '/admin/rebuild', authorized(['analytics:read']))).json()).toMatchObject({
      statusCode: 403,
      requiredScope: 'analytics:write',
    });
    const scopes = (await get('/docs-json')).json().paths['/admin/rebuild'].post['x-required-scope'];
    expect(scopes).toBe('analytics:write');
  });
});
