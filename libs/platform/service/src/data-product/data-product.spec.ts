import type { DataProductDocument } from '@mesh/contract-kit';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { LogCapture } from '../../test/test-app';
import { createServiceApp } from '../bootstrap/create-service-app';
import { ServiceModule } from '../service.module';
import { healthyFigures, sampleManifest } from './data-product-fixtures';
import type { DataProductOptions, DataProductStatusProbe, MeasuredFigures } from './data-product-status-source';

/** A status source whose answers the test decides; counts measurements and closes. */
class ScriptedSource {
  measurements = 0;
  closed = 0;
  answer: () => Promise<MeasuredFigures> = async () => healthyFigures();

  probe(): DataProductStatusProbe {
    return {
      measure: () => {
        this.measurements += 1;
        return this.answer();
      },
      close: () => {
        this.closed += 1;
      },
    };
  }
}

/** One API route of the domain, closed like every route that is not @Public(). */
@Controller('parcels')
class ParcelsController {
  @Get()
  list(): string[] {
    return [];
  }
}

async function startApp(dataProduct?: Partial<DataProductOptions>, source = new ScriptedSource()) {
  const logs = new LogCapture();
  @Module({
    imports: [
      ServiceModule.forRoot({
        name: 'shipping',
        dataProduct: dataProduct && {
          product: { manifest: sampleManifest },
          status: { setup: () => source.probe() },
          ...dataProduct,
        },
      }),
    ],
    controllers: [ParcelsController],
  })
  class ShippingModule {}
  const app = await createServiceApp(ShippingModule, { env: { LOG_LEVEL: 'warn' }, logDestination: logs });
  return { app, source, logs };
}

async function fetchDocument(app: NestFastifyApplication) {
  const response = await app.inject({ method: 'GET', url: '/.well-known/data-product' });
  return { response, document: response.json<DataProductDocument>() };
}

describe('GET /.well-known/data-product', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('serves the manifest, the figures measured now and the service-level checks, never cached', async () => {
    let source: ScriptedSource;
    ({ app, source } = await startApp({}));
    const before = Date.now();
    const { response, document } = await fetchDocument(app);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(document.manifest).toEqual(sampleManifest);
    expect(document.status).toMatchObject(healthyFigures());
    expect(Date.parse(document.status.measuredAt)).toBeGreaterThanOrEqual(before - 1);
    expect(document.status.serviceLevels).toHaveLength(6);
    expect(document.status.serviceLevels.every((check) => check.kept)).toBe(true);

    source.answer = async () => healthyFigures({ outbox: { backlog: 4, oldestAgeSeconds: 45 } });
    const { document: later } = await fetchDocument(app);
    expect(later.status.outbox).toEqual({ backlog: 4, oldestAgeSeconds: 45 });
    expect(later.status.serviceLevels.find((check) => check.name === 'outbox-age')?.kept).toBe(false);
    expect(source.measurements).toBe(2);
  });

  it('answers within the timeout, without figures, when the source does not answer', async () => {
    const source = new ScriptedSource();
    source.answer = () => new Promise(() => undefined);
    let logs: LogCapture;
    ({ app, logs } = await startApp({ timeoutMs: 150 }, source));
    const started = performance.now();
    const { response, document } = await fetchDocument(app);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(response.statusCode).toBe(200);
    expect(document.status.outputs).toEqual([
      { stream: 'shipping.parcel.v1', length: null, groups: [], error: 'timeout: no answer within 150 ms' },
    ]);
    expect(document.status.inputs.map((input) => [input.stream, input.lag, input.deadLetters, input.error])).toEqual([
      ['orders.order.v1', null, null, 'timeout: no answer within 150 ms'],
      ['customers.customer.v1', null, null, 'timeout: no answer within 150 ms'],
    ]);
    expect(document.status.outbox).toEqual({ backlog: null, oldestAgeSeconds: null, error: 'timeout: no answer within 150 ms' });
    expect(document.status.freshnessSeconds).toBeNull();
    expect(document.status.serviceLevels.filter((check) => check.kept)).toEqual([]);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringContaining('measuring the status of data product "shipping" failed') }),
    );
  });

  it('answers 200 with a code when the source fails, not a 500, and logs what the driver said', async () => {
    const source = new ScriptedSource();
    source.answer = () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379'));
    let logs: LogCapture;
    ({ app, logs } = await startApp({}, source));
    const { response, document } = await fetchDocument(app);
    expect(response.statusCode).toBe(200);
    expect(document.status.outbox.error).toBe("failed: the details are in the service's log");
    expect(document.status.serviceLevels.find((check) => check.name === 'outbox-age')?.measured).toBe(
      "not measured: failed: the details are in the service's log",
    );
    expect(response.body).not.toContain('ECONNREFUSED');
    expect(response.body).not.toContain('6379');
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/outbox not measured: ECONNREFUSED 127\.0\.0\.1:6379/) }),
    );
  });

  it('shows a part that failed alone with a code, and logs its driver message', async () => {
    const source = new ScriptedSource();
    source.answer = async () =>
      healthyFigures({ outbox: { backlog: null, oldestAgeSeconds: null, error: 'password authentication failed for user "shipping_app"' } });
    let logs: LogCapture;
    ({ app, logs } = await startApp({}, source));
    const { response, document } = await fetchDocument(app);
    expect(document.status.outbox.error).toBe("failed: the details are in the service's log");
    expect(document.status.outputs[0].error).toBeUndefined();
    expect(response.body).not.toContain('shipping_app');
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringContaining('password authentication failed for user "shipping_app"') }),
    );
  });

  it('lets requests that arrive during a measurement share it', async () => {
    const source = new ScriptedSource();
    let finish: (figures: MeasuredFigures) => void = () => undefined;
    source.answer = () => new Promise((resolve) => (finish = resolve));
    ({ app } = await startApp({}, source));
    const requests = [fetchDocument(app), fetchDocument(app), fetchDocument(app)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish(healthyFigures());
    const documents = await Promise.all(requests);
    expect(documents.map(({ response }) => response.statusCode)).toEqual([200, 200, 200]);
    expect(source.measurements).toBe(1);
    source.answer = async () => healthyFigures();
    await fetchDocument(app);
    expect(source.measurements).toBe(2);
  });

  it('is open to callers without a token, while the domain’s API is not', async () => {
    ({ app } = await startApp({}));
    expect((await app.inject({ method: 'GET', url: '/parcels' })).statusCode).toBe(401);
    expect((await fetchDocument(app)).response.statusCode).toBe(200);
  });

  it('closes the source when the app closes', async () => {
    let source: ScriptedSource;
    ({ app, source } = await startApp({}));
    await app.close();
    app = undefined;
    expect(source.closed).toBe(1);
  });

  it('refuses to start when the source cannot be set up', async () => {
    const failing = {
      setup: () => {
        throw new Error('no DataSource in the container');
      },
    };
    await expect(startApp({ status: failing })).rejects.toThrow(
      'the status source of data product "shipping" could not be set up',
    );
  });

  it('is not served when the domain declares no product', async () => {
    ({ app } = await startApp(undefined));
    expect((await app.inject({ method: 'GET', url: '/.well-known/data-product' })).statusCode).toBe(404);
  });
});
