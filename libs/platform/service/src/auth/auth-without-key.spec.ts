import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';
import { TestAppModule } from '../../test/test-app.module';
import { createServiceApp } from '../bootstrap/create-service-app';
import { ConfigValidationError } from '../config/config-validation.error';

describe('a service without AUTH_JWKS_URL or AUTH_JWKS_FILE', () => {
  it('refuses to start with NODE_ENV=production, naming the variable', async () => {
    const started = createServiceApp(TestAppModule.register(), { env: { NODE_ENV: 'production' } });
    await expect(started).rejects.toThrow(ConfigValidationError);
    await expect(started).rejects.toMatchObject({
      problems: [
        { variable: 'AUTH_JWKS_URL', message: expect.stringContaining('is required with NODE_ENV=production') },
      ],
    });
  });

  it('elsewhere starts closed: it warns, and every token gets a 401 that says why', async () => {
    // nestjs-pino sends what is logged outside a request (this warning, at start-up) to the first
    // app's destination in the process; start afresh so that it reaches this app's.
    __resetOutOfContextForTests();
    const { app: closed, logs } = await createTestApp({ env: { AUTH_JWKS: '', AUTH_ISSUER: '' } });
    try {
      const response = await closed.inject({ method: 'GET', url: '/items', headers: authorized() });
      expect(response.statusCode).toBe(401);
      expect(response.json<{ message: string }>().message).toContain('this service has no key configured');
      expect(logs.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          msg: expect.stringContaining('neither AUTH_JWKS_URL nor AUTH_JWKS_FILE is set'),
        }),
      );
      expect((await closed.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe("a service declared with access: 'public'", () => {
  it('needs no key even with NODE_ENV=production, and answers without a token', async () => {
    const app = await createServiceApp(TestAppModule.register({ access: 'public' }), {
      env: { NODE_ENV: 'production', LOG_LEVEL: 'silent' },
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/items' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ limit: 10, items: [] });
    } finally {
      await app.close();
    }
  });
});
