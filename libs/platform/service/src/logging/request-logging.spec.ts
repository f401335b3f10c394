import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { authorized } from '../../test/access-tokens';
import { createTestApp, type LogCapture } from '../../test/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id and JSON request logs', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;

  beforeEach(async () => {
    ({ app, logs } = await createTestApp());
  });

  afterEach(async () => {
    await app.close();
  });

  const accessLines = () =>
    logs.lines.filter((line) => line['msg'] === 'request completed' || line['msg'] === 'request errored');

  it('generates a UUID request id and returns it in x-request-id', async () => {
    const response = await app.inject({ method: 'GET', url: '/items', headers: authorized() });
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('keeps a sane incoming x-request-id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/items',
      headers: { ...authorized(), 'x-request-id': 'upstream-42' },
    });
    expect(response.headers['x-request-id']).toBe('upstream-42');
  });

  it('replaces an insane incoming x-request-id', async () => {
    const insane = `${'x'.repeat(200)}"}`;
    const response = await app.inject({
      method: 'GET',
      url: '/items',
      headers: { ...authorized(), 'x-request-id': insane },
    });
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(logs.raw.join('\n')).not.toContain(insane);
  });

  it('returns the id on errors that happen before any handler (415)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { ...authorized(), 'content-type': 'text/plain', 'x-request-id': 'rejected-1' },
      payload: 'hi',
    });
    expect(response.statusCode).toBe(415);
    expect(response.headers['x-request-id']).toBe('rejected-1');
  });

  it('writes one JSON line per request carrying the request id, method, url and status', async () => {
    await app.inject({ method: 'GET', url: '/items?limit=3', headers: { ...authorized(), 'x-request-id': 'req-a' } });
    await app.inject({ method: 'GET', url: '/items/conflict', headers: { ...authorized(), 'x-request-id': 'req-b' } });

    expect(logs.raw.every((line) => typeof JSON.parse(line) === 'object')).toBe(true);
    expect(accessLines()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'test-app',
        reqId: 'req-a',
        req: { id: 'req-a', method: 'GET', url: '/items?limit=3' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({ level: 'warn', reqId: 'req-b', res: { statusCode: 409 } }),
    ]);
  });

  it('never logs request bodies or authorization headers', async () => {
    const { authorization } = authorized();
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { authorization, cookie: 'session=top-secret-cookie' },
      payload: { name: 'top-secret-name', email: 'a@b.co', quantity: 1 },
    });
    expect(response.statusCode).toBe(201);
    expect(accessLines()).toHaveLength(1);
    const all = logs.raw.join('\n');
    expect(all).not.toContain('top-secret');
    expect(all).not.toContain('authorization');
    expect(all).not.toContain(authorization.split('.')[2]);
  });

  it('does not log health and metrics polling', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/health/ready' });
    await app.inject({ method: 'GET', url: '/metrics' });
    expect(accessLines()).toEqual([]);
  });
});
