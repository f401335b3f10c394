import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createTestApp, type LogCapture } from '../../test/test-app';
import { greetingConfig } from '../../test/test-app.module';
import { FAILED_REASON } from '../http/public-failure';
import { ShutdownState } from '../shutdown/shutdown-state';
import { indicatorReadiness } from './indicator-readiness';
import { mongooseReadiness } from './mongoose-readiness';
import { readinessCheck } from './readiness-check';

@Injectable()
class PaymentsClient {
  up = true;
  async ping(): Promise<void> {
    if (!this.up) throw new Error('payments gateway timed out');
  }
}

/** What a failed check shows: never its driver's words, which go to the log. */
const FAILED = `failed: ${FAILED_REASON}`;

const paymentsModule = { module: class PaymentsModule {}, providers: [PaymentsClient], exports: [PaymentsClient] };

describe('health endpoints', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function ready() {
    if (!app) throw new Error('no app started');
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('GET /health/live answers 200 while the process runs', async () => {
    ({ app } = await createTestApp({
      readiness: [readinessCheck('never', () => () => Promise.reject(new Error('down')))],
    }));
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /health/ready runs the registered checks and answers 200 when all pass', async () => {
    ({ app } = await createTestApp({
      imports: [paymentsModule],
      readiness: [
        readinessCheck(
          'payments',
          ({ get }) =>
            () =>
              get(PaymentsClient).ping(),
        ),
      ],
    }));
    expect(await ready()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', details: { payments: { status: 'up' } } }),
    });
  });

  it('answers 503 naming the failed check, with a code instead of its driver\'s words', async () => {
    let logs: LogCapture;
    ({ app, logs } = await createTestApp({
      imports: [paymentsModule],
      readiness: [
        readinessCheck(
          'payments',
          ({ get }) =>
            () =>
              get(PaymentsClient).ping(),
        ),
        readinessCheck('cache', () => () => Promise.resolve()),
      ],
    }));
    app.get(PaymentsClient).up = false;
    expect(await ready()).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: `not ready: payments (${FAILED})`,
        checks: { payments: { status: 'down', message: FAILED }, cache: { status: 'up' } },
      },
    });
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: 'readiness check "payments" failed: payments gateway timed out' }),
    );
  });

  it('stays ready while a check that is not required fails, listing it as degraded', async () => {
    const broker = { up: true };
    ({ app } = await createTestApp({
      readiness: [
        readinessCheck('database', () => () => Promise.resolve()),
        readinessCheck(
          'broker',
          () => async () => {
            if (!broker.up) throw new Error('connection refused');
          },
          { required: false },
        ),
      ],
    }));
    expect(await ready()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', details: { database: { status: 'up' }, broker: { status: 'up' } } }),
    });
    expect((await ready()).body['degraded']).toBeUndefined();

    broker.up = false;
    expect(await ready()).toEqual({
      status: 200,
      body: expect.objectContaining({
        status: 'ok',
        degraded: ['broker'],
        details: { database: { status: 'up' }, broker: { status: 'down', message: FAILED } },
      }),
    });
  });

  it('answers 503 for a required check only, still showing the optional ones', async () => {
    ({ app } = await createTestApp({
      readiness: [
        readinessCheck('database', () => () => Promise.reject(new Error('too many clients'))),
        readinessCheck('broker', () => () => Promise.reject(new Error('connection refused')), { required: false }),
      ],
    }));
    expect(await ready()).toEqual({
      status: 503,
      body: expect.objectContaining({
        message: `not ready: database (${FAILED})`,
        checks: {
          database: { status: 'down', message: FAILED },
          broker: { status: 'down', message: FAILED },
        },
      }),
    });
  });

  it('fails a check that does not answer within its timeout', async () => {
    ({ app } = await createTestApp({
      readiness: [readinessCheck('slow', () => () => new Promise(() => undefined), { timeoutMs: 50 })],
    }));
    expect((await ready()).body['message']).toBe('not ready: slow (timeout: no answer within 50 ms)');
  });

  it('gives checks the validated configuration', async () => {
    let seen: unknown;
    ({ app } = await createTestApp({
      env: { GREETING: 'hej' },
      readiness: [
        readinessCheck('config', ({ config }) => {
          seen = config(greetingConfig).text;
          return () => Promise.resolve();
        }),
      ],
    }));
    expect(seen).toBe('hej');
  });

  it('answers 503 as soon as shutdown begins, while liveness stays 200', async () => {
    ({ app } = await createTestApp());
    expect((await ready()).status).toBe(200);
    app.get(ShutdownState).begin();
    expect(await ready()).toEqual({
      status: 503,
      body: expect.objectContaining({ message: 'not ready: shutting down' }),
    });
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });

  it('accepts Terminus indicator functions', async () => {
    ({ app } = await createTestApp({
      readiness: [indicatorReadiness('legacy', () => () => ({ legacy: { status: 'down', message: 'disk full' } }))],
    }));
    expect((await ready()).body['message']).toBe(`not ready: legacy (${FAILED})`);
  });

  it('refuses to start when a check cannot find what it probes', async () => {
    await expect(createTestApp({ readiness: [mongooseReadiness()] })).rejects.toThrow(
      'readiness check "mongodb" could not be set up',
    );
  });
});

describe('mongooseReadiness', () => {
  const TOKEN = 'FakeConnection';

  async function probe(connection: object) {
    const probeOf = await mongooseReadiness({ connection: TOKEN }).setup({
      get: <T>() => connection as T,
      config: () => {
        throw new Error('not used');
      },
    });
    return probeOf.check();
  }

  it('pings the database when connected', async () => {
    const command = jest.fn().mockResolvedValue({ ok: 1 });
    await expect(probe({ readyState: 1, db: { command } })).resolves.toEqual({ ok: 1 });
    expect(command).toHaveBeenCalledWith({ ping: 1 });
  });

  it('names the connection state when not connected', async () => {
    await expect(probe({ readyState: 0 })).rejects.toThrow('not connected (disconnected)');
  });
});
