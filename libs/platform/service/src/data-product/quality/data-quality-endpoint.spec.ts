import {
  type DataProductDocument,
  type EventContract,
  eventRules,
  type QualityEvent,
  type QualityRuleDefinition,
  resourceRules,
} from '@mesh/contract-kit';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { v7 as uuidv7 } from 'uuid';

import { LogCapture } from '../../../test/test-app';
import { createServiceApp } from '../../bootstrap/create-service-app';
import { ServiceModule } from '../../service.module';
import { healthyFigures, sampleManifest } from '../data-product-fixtures';
import type { DataProductOptions } from '../data-product-status-source';

interface Sent {
  parcelId: string;
  weightGrams: number;
}
const sent = { type: 'shipping.parcel.sent' } as EventContract<Sent>;

const rules: QualityRuleDefinition[] = [
  ...eventRules(
    [sent],
    [
      { id: 'parcels-weigh-something', description: 'A parcel weighs more than 0 g.', dimension: 'accuracy', kind: 'each', holds: (event) => event.data.weightGrams > 0 },
      { id: 'one-event-per-id', description: 'No event id twice.', dimension: 'uniqueness', kind: 'unique', key: (event) => event.id },
    ],
  ),
  ...resourceRules<{ id: string; status: string }>('parcel', [
    { id: 'parcel-status-known', description: 'A parcel is sent or delivered.', dimension: 'conformity', kind: 'each', holds: (parcel) => ['sent', 'delivered'].includes(parcel.status) },
  ]),
];

function entry(data: Sent, id = uuidv7()): QualityEvent<Sent> {
  const time = new Date().toISOString();
  return { id, type: 'shipping.parcel.sent', subject: data.parcelId, time, publishedAt: time, data };
}

/** The stream and the store as the test sets them; counts reads. */
class ScriptedOutput {
  entries: QualityEvent[] = [entry({ parcelId: 'p1', weightGrams: 500 }), entry({ parcelId: 'p2', weightGrams: 20 })];
  parcels: Array<{ id: string; status: string }> = [{ id: 'p1', status: 'sent' }];
  streamReads: Array<{ key: string; count: number }> = [];
  failStream: Error | undefined;
}

async function startApp(output: ScriptedOutput, env: Record<string, string> = {}, options: Partial<DataProductOptions> = {}) {
  const logs = new LogCapture();
  @Module({
    imports: [
      ServiceModule.forRoot({
        name: 'shipping',
        dataProduct: {
          product: { manifest: sampleManifest, definition: { quality: rules } as never },
          status: {
            setup: () => ({
              measure: async () => healthyFigures(),
              sampleStream: async (key, count) => {
                output.streamReads.push({ key, count });
                if (output.failStream) throw output.failStream;
                return output.entries.slice(0, count);
              },
            }),
          },
          qualityResources: { parcel: () => async (limit) => output.parcels.slice(0, limit) },
          ...options,
        },
      }),
    ],
  })
  class ShippingModule {}
  const app = await createServiceApp(ShippingModule, { env: { LOG_LEVEL: 'warn', ...env }, logDestination: logs });
  return { app, logs };
}

async function document(app: NestFastifyApplication): Promise<DataProductDocument> {
  return (await app.inject({ method: 'GET', url: '/.well-known/data-product' })).json<DataProductDocument>();
}

const levels = (doc: DataProductDocument) =>
  Object.fromEntries(doc.status.serviceLevels.filter((level) => level.name.startsWith('quality:')).map((level) => [level.name, level]));

describe('data-quality rules in /.well-known/data-product and /metrics', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('checks each rule on the newest entries of its stream and on the resource sample, every rule a service level', async () => {
    const output = new ScriptedOutput();
    ({ app } = await startApp(output, { DATA_QUALITY_SAMPLE_SIZE: '25' }));
    const doc = await document(app);
    expect(doc.status.quality?.rules.map((rule) => [rule.id, rule.target, rule.sampled, rule.kept])).toEqual([
      ['parcels-weigh-something', 'shipping.parcel.sent', 2, true],
      ['one-event-per-id', 'shipping.parcel.sent', 2, true],
      ['parcel-status-known', 'api:parcel', 1, true],
    ]);
    expect(output.streamReads).toEqual([{ key: '{shipping.parcel.v1}', count: 25 }]);
    expect(levels(doc)['quality:parcels-weigh-something']).toEqual({
      name: 'quality:parcels-weigh-something',
      objective: 'A parcel weighs more than 0 g. (shipping.parcel.sent)',
      measured: 'kept by all 2 sampled',
      kept: true,
    });
  });

  it('shows a bad entry as a broken rule and a broken service level, in the document and the gauges', async () => {
    const output = new ScriptedOutput();
    ({ app } = await startApp(output, { DATA_QUALITY_MAX_AGE_MS: '0' }));
    const badId = uuidv7();
    output.entries.unshift(entry({ parcelId: 'p3', weightGrams: 0 }, badId));
    output.parcels.push({ id: 'p9', status: 'lost' });
    const doc = await document(app);
    expect(levels(doc)['quality:parcels-weigh-something']).toMatchObject({
      measured: `broken by 1 of 3 sampled (${badId})`,
      kept: false,
    });
    expect(levels(doc)['quality:parcel-status-known']).toMatchObject({ kept: false, measured: 'broken by 1 of 2 sampled (p9)' });
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('mesh_data_quality_rule_kept{rule="parcels-weigh-something",target="shipping.parcel.sent"} 0');
    expect(metrics).toContain('mesh_data_quality_rule_kept{rule="one-event-per-id",target="shipping.parcel.sent"} 1');
    expect(metrics).toContain('mesh_data_quality_failed_items{rule="parcel-status-known",target="api:parcel"} 1');
    expect(metrics).toContain('mesh_data_quality_sampled_items{rule="parcels-weigh-something",target="shipping.parcel.sent"} 3');
  });

  it('reuses a check within its age, however many ask, and checks again after it', async () => {
    const output = new ScriptedOutput();
    ({ app } = await startApp(output, { DATA_QUALITY_MAX_AGE_MS: '300' }));
    await Promise.all([document(app), document(app), app.inject({ method: 'GET', url: '/metrics' })]);
    await document(app);
    expect(output.streamReads).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await document(app);
    expect(output.streamReads).toHaveLength(2);
  });

  it('counts a rule whose stream could not be read as not kept, with a public code, and logs the cause', async () => {
    const output = new ScriptedOutput();
    output.failStream = new Error('NOPERM this user has no permissions to run the xrevrange command');
    let logs: LogCapture;
    ({ app, logs } = await startApp(output));
    const response = await app.inject({ method: 'GET', url: '/.well-known/data-product' });
    const doc = response.json<DataProductDocument>();
    expect(levels(doc)['quality:parcels-weigh-something']).toMatchObject({
      kept: false,
      measured: "not measured: failed: the details are in the service's log",
    });
    expect(levels(doc)['quality:parcel-status-known'].kept).toBe(true);
    expect(response.body).not.toContain('NOPERM');
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: expect.stringContaining('NOPERM') }));
  });

  it('refuses to start when a resource rule has no sampler', async () => {
    await expect(startApp(new ScriptedOutput(), {}, { qualityResources: {} })).rejects.toThrow(
      'quality rules name the resource(s) parcel, which dataProduct.qualityResources does not sample',
    );
  });
});
