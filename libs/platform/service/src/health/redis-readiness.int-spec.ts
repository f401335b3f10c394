import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:net';
import { z } from 'zod';

import { createTestApp, type LogCapture } from '../../test/test-app';
import { defineConfig } from '../config/define-config';
import { FAILED_REASON } from '../http/public-failure';
import { redisReadiness } from './redis-readiness';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

describe('redisReadiness (real Redis)', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function ready(target: NestFastifyApplication) {
    const response = await target.inject({ method: 'GET', url: '/health/ready' });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('answers 200 when Redis answers PING', async () => {
    ({ app } = await createTestApp({ readiness: [redisReadiness({ url: REDIS_URL })] }));
    expect(await ready(app)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', details: { redis: { status: 'up' } } }),
    });
  });

  it('answers 503 naming redis when nothing listens at the URL, and logs where it tried', async () => {
    const port = await closedPort();
    let logs: LogCapture;
    ({ app, logs } = await createTestApp({ readiness: [redisReadiness({ url: `redis://127.0.0.1:${port}` })] }));
    for (let attempt = 0; attempt < 2; attempt++) {
      const { status, body } = await ready(app);
      expect(status).toBe(503);
      expect(body['message']).toBe(`not ready: redis (failed: ${FAILED_REASON})`);
      expect(body['checks']).toEqual({ redis: { status: 'down', message: `failed: ${FAILED_REASON}` } });
    }
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(new RegExp(`readiness check "redis" failed: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`)) }),
    );
  });

  it('reads the URL from validated configuration', async () => {
    const redisConfig = defineConfig('redis', { REDIS_URL: z.url() }, (env) => ({ url: env.REDIS_URL }));
    ({ app } = await createTestApp({
      env: { REDIS_URL },
      config: [redisConfig],
      readiness: [redisReadiness({ url: ({ config }) => config(redisConfig).url })],
    }));
    expect((await ready(app)).status).toBe(200);
  });

  it('pings the app’s own client when given its token', async () => {
    const client = new Redis(REDIS_URL, { lazyConnect: true });
    await client.connect();
    try {
      ({ app } = await createTestApp({
        imports: [
          { module: class RedisModule {}, providers: [{ provide: 'REDIS', useValue: client }], exports: ['REDIS'] },
        ],
        readiness: [redisReadiness({ client: 'REDIS', name: 'events' })],
      }));
      expect((await ready(app)).body).toMatchObject({ details: { events: { status: 'up' } } });
    } finally {
      client.disconnect();
    }
  });
});
