import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';

import { TEST_APP_SCOPES, TEST_ISSUER } from '../../test/access-tokens';
import { createTestApp, type LogCapture } from '../../test/test-app';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A listening replica of the test app. */
async function replica(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string; logs: LogCapture }> {
  const { app, logs } = await createTestApp({ env });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, logs, url: await app.getUrl() };
}

describe('rate limit shared through Redis (real Redis, real HTTP)', () => {
  const apps: NestFastifyApplication[] = [];
  // A subject of this run only: its count starts at zero whatever else uses this Redis.
  const subject = `rate-limit-test-${randomUUID()}`;
  const headers = {
    authorization: `Bearer ${TEST_ISSUER.sign({ scopes: TEST_APP_SCOPES, audience: 'test-app', subject })}`,
  };
  const status = async (url: string) => (await fetch(`${url}/items`, { headers })).status;

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('counts a client once across two replicas that share RATE_LIMIT_REDIS_URL', async () => {
    const env = { RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_MS: '60000', RATE_LIMIT_REDIS_URL: REDIS_URL };
    const [first, second] = [await replica(env), await replica(env)];
    apps.push(first.app, second.app);

    const statuses = [];
    for (const url of [first.url, second.url, first.url, second.url]) statuses.push(await status(url));
    const refused = await fetch(`${first.url}/items`, { headers });

    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await status(second.url)).toBe(429);
  });

  it('counts on each replica alone, and keeps answering, while the shared Redis is unreachable', async () => {
    const env = {
      RATE_LIMIT_MAX: '2',
      RATE_LIMIT_WINDOW_MS: '60000',
      RATE_LIMIT_REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
    };
    const [first, second] = [await replica(env), await replica(env)];
    apps.push(first.app, second.app);

    const started = Date.now();
    const statuses = [];
    for (const url of [first.url, first.url, first.url, second.url]) statuses.push(await status(url));

    expect(statuses).toEqual([200, 200, 429, 200]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(first.logs.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringContaining('rate limits are counted on this replica alone'),
      }),
    );
  });
});
