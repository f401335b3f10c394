import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { OtlpReceiver } from './otlp-receiver';
import { SPAN_KIND } from './received-span';

const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');

/** The services' own telemetry start-up, in a process of its own, exporting two spans to `receiver`. */
async function exportTwoSpans(receiver: OtlpReceiver, protocol: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'fixtures/export-two-spans.ts')],
    {
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
      },
      timeout: 30_000,
    },
  );
  return JSON.parse(stdout) as {
    traceId: string;
    parentId: string;
    childId: string;
  };
}

describe('OtlpReceiver', () => {
  let receiver: OtlpReceiver | undefined;

  afterEach(async () => {
    await receiver?.close();
  });

  it.each(['http/protobuf', 'http/json'])(
    'decodes what the SDK exports over %s: ids, parent, kind, attributes, status, service',
    async (protocol) => {
      receiver = await OtlpReceiver.start();
      const ids = await exportTwoSpans(receiver, protocol);
      expect(receiver.refused).toEqual([]);
      expect(receiver.spanCount).toBe(2);
      const spans = receiver.trace(ids.traceId);
      expect(spans).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            service: 'receiver-spec',
            spanId: ids.parentId,
            parentSpanId: '',
            name: 'POST /things',
            kind: SPAN_KIND.server,
            statusCode: 0,
          }),
          expect.objectContaining({
            service: 'receiver-spec',
            spanId: ids.childId,
            parentSpanId: ids.parentId,
            name: 'send things',
            kind: SPAN_KIND.producer,
            statusCode: 2,
            attributes: {
              'thing.name': 'mug',
              'thing.count': 3,
              'thing.share': 0.25,
              'thing.fragile': true,
            },
          }),
        ]),
      );
      expect(spans.every((span) => span.startNanos > 0n)).toBe(true);
    },
    40_000,
  );

  it('only counts protobuf spans when told not to keep them', async () => {
    receiver = await OtlpReceiver.start({ keepSpans: false });
    await exportTwoSpans(receiver, 'http/protobuf');
    expect({
      count: receiver.spanCount,
      kept: receiver.spans.length,
      refused: receiver.refused,
    }).toEqual({
      count: 2,
      kept: 0,
      refused: [],
    });
  }, 40_000);

  it('refuses a body that is not OTLP, naming it', async () => {
    receiver = await OtlpReceiver.start();
    const answer = await fetch(`${receiver.endpoint}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'not json',
    });
    expect(answer.status).toBe(400);
    expect(receiver.refused).toEqual([expect.stringContaining('not json')]);
    expect(receiver.spanCount).toBe(0);
  });
});
