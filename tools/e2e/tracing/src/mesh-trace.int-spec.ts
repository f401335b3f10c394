import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type DomainApis, domainApis, DOMAINS } from '../../kit/src/api/domain-apis';
import { eventually } from '../../kit/src/eventually';
import { OtlpReceiver } from '../../kit/src/otlp/otlp-receiver';
import { type ReceivedSpan, SPAN_KIND } from '../../kit/src/otlp/received-span';
import { CleanupStack } from '../../mesh/src/harness/cleanup-stack';
import { type IsolatedMesh, startIsolatedMesh } from '../../mesh/src/harness/isolated-mesh';
import { descendsFrom, spanTree } from './span-tree';
import { placeTracedOrder, type TracedOrder } from './traced-order';

// Orders, customers and analytics as processes (from their sources: no build), exporting spans to
// a receiver of this test's own; one order placed, one trace checked from the request to the
// consumers' writes, and the log lines of the three services joined to it.
describe('tracing across the mesh', () => {
  const cleanup = new CleanupStack();
  let receiver: OtlpReceiver;
  let mesh: IsolatedMesh;
  let order: TracedOrder;
  let apis: DomainApis;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    cleanup.defer('stop the OTLP receiver', () => receiver.close());
    mesh = await startIsolatedMesh(
      {
        purpose: 'tracing',
        build: false,
        fromSource: true,
        log: () => undefined,
        serviceEnv: {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          // Export within a fifth of a second rather than the default five.
          OTEL_BSP_SCHEDULE_DELAY: '200',
          // The consumers' line per handled event is at debug level.
          LOG_LEVEL: 'debug',
        },
      },
      cleanup,
    );
    apis = domainApis((name) => mesh.processes.url(name), { token: mesh.token });
    order = await placeTracedOrder(apis, 30_000);
  }, 100_000);

  afterAll(async () => {
    await cleanup.run((line) => process.stderr.write(`${line}\n`));
  }, 30_000);

  it('holds the request, its queries, the publication and both consumers with their writes in one trace', async () => {
    const waited = await eventually(async () => receiver.trace(order.traceId), (spans) => partsOf(spans).complete, 30_000);
    const spans = waited.result;
    const tree = spanTree(spans);
    process.stdout.write(`trace ${order.traceId} (order ${order.orderId}):\n${tree}\n`);
    const parts = partsOf(spans);
    expect({ complete: parts.complete, tree }).toEqual({ complete: true, tree });
    const { server, send, consumers } = parts as CompleteParts;

    expect(server).toMatchObject({ service: 'orders', kind: SPAN_KIND.server, parentSpanId: order.clientSpanId });
    expect(server.attributes['http.route']).toBe('/orders');
    const orderQueries = spans.filter((span) => span.service === 'orders' && isPostgres(span) && descendsFrom(span, server, spans));
    expect(orderQueries.map(queryOf)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(BEGIN|START TRANSACTION)/), expect.stringMatching(/INSERT INTO mesh_outbox/i), expect.stringMatching(/^COMMIT/)]),
    );

    expect(send).toMatchObject({ service: 'orders', kind: SPAN_KIND.producer });
    expect(descendsFrom(send, server, spans)).toBe(true);
    for (const service of ['customers', 'analytics']) {
      const consumer = consumers.get(service) as ReceivedSpan;
      expect(consumer).toMatchObject({ kind: SPAN_KIND.consumer, parentSpanId: send.spanId, statusCode: 0 });
      expect(consumer.attributes).toMatchObject({ 'messaging.consumer.group.name': service, 'cloudevents.event_type': 'orders.order.placed' });
      const writes = spans.filter((span) => span.service === service && isDatabase(span) && descendsFrom(span, consumer, spans));
      expect([service, writes.length > 0]).toEqual([service, true]);
    }
  });

  it('carries the trace of a request into the BullMQ job it adds and through the work of the job', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const accepted = await apis.analytics.expectOk<{ jobId: string }>({
      method: 'POST',
      path: '/admin/rebuild',
      headers: { traceparent: `00-${traceId}-${clientSpanId}-01` },
    });
    const job = await eventually(
      async () => receiver.trace(traceId),
      (spans) => spans.some((span) => span.kind === SPAN_KIND.consumer && span.service === 'analytics' && span.parentSpanId !== ''),
      30_000,
    );
    const spans = job.result;
    process.stdout.write(`trace ${traceId} (rebuild job ${accepted.jobId}):\n${spanTree(spans)}\n`);
    const server = spans.find((span) => span.kind === SPAN_KIND.server) as ReceivedSpan;
    expect(server).toMatchObject({ name: 'POST /admin/rebuild', parentSpanId: clientSpanId });
    const adding = spans.find((span) => span.kind === SPAN_KIND.producer) as ReceivedSpan;
    const processing = spans.find((span) => span.kind === SPAN_KIND.consumer) as ReceivedSpan;
    expect(descendsFrom(adding, server, spans)).toBe(true);
    expect(processing).toMatchObject({ service: 'analytics', name: 'process rebuild' });
    expect(descendsFrom(processing, adding, spans)).toBe(true);
    const queries = spans.filter((span) => isPostgres(span) && descendsFrom(span, processing, spans));
    expect(queries.map(queryOf)).toEqual(expect.arrayContaining([expect.stringMatching(/^CREATE TABLE daily_sales_next/)]));
  });

  it('joins the log lines of the three services to the trace', async () => {
    const waited = await eventually(
      async () => DOMAINS.map((name) => ({ name, lines: linesOfTrace(join(mesh.logDir, `${name}.log`), order.traceId) })),
      (logs) => logs.every(({ lines }) => lines.length > 0),
      10_000,
    );
    for (const { name, lines } of waited.result) {
      expect([name, lines.length > 0]).toEqual([name, true]);
      for (const line of lines) expect(line).toMatchObject({ trace_id: order.traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    }
    // The consumers' lines carry the span of their handling, not the producer's.
    const consumerSpans = new Set(receiver.trace(order.traceId).filter((span) => span.kind === SPAN_KIND.consumer).map((span) => span.spanId));
    const handled = waited.result.filter(({ name }) => name !== 'orders').flatMap(({ lines }) => lines);
    expect(handled.some((line) => consumerSpans.has(String(line['span_id'])))).toBe(true);
  });

  // Last: it stops the receiver. A collector that is down costs spans, never a request or a process.
  it('keeps serving when the collector stops answering: an order is placed and read back, every process stays ready', async () => {
    await receiver.close();
    const placed = await placeTracedOrder(apis, 30_000);
    // Past several export attempts (every 200 ms here), each refused by the closed port.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const readBack = await apis.orders.expectOk<{ id: string }>({ method: 'GET', path: `/orders/${placed.orderId}` });
    expect(readBack.id).toBe(placed.orderId);
    expect(mesh.processes.crashes).toEqual([]);
    for (const name of DOMAINS) {
      expect([name, (await fetch(`${mesh.processes.url(name)}/health/ready`)).status]).toEqual([name, 200]);
    }
  });
});

interface CompleteParts {
  complete: true;
  server: ReceivedSpan;
  send: ReceivedSpan;
  consumers: Map<string, ReceivedSpan>;
}

/** The spans the checks need, once each has arrived: the server span, the send span, a consumer span per group. */
function partsOf(spans: readonly ReceivedSpan[]): CompleteParts | { complete: false } {
  const server = spans.find((span) => span.kind === SPAN_KIND.server && span.name === 'POST /orders');
  const send = spans.find((span) => span.kind === SPAN_KIND.producer && span.name === 'send orders.order.v1');
  const consumers = new Map(
    spans.filter((span) => span.kind === SPAN_KIND.consumer && span.name === 'process orders.order.v1').map((span) => [span.service, span]),
  );
  const written = (service: string) =>
    spans.some((span) => span.service === service && isDatabase(span) && span.parentSpanId !== '' && consumers.has(service));
  if (!server || !send || !written('customers') || !written('analytics')) return { complete: false };
  return { complete: true, server, send, consumers };
}

function isPostgres(span: ReceivedSpan): boolean {
  return (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'postgresql';
}

function isDatabase(span: ReceivedSpan): boolean {
  return isPostgres(span) || (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'mongodb';
}

function queryOf(span: ReceivedSpan): string {
  return String(span.attributes['db.query.text'] ?? span.attributes['db.statement'] ?? span.name);
}

function linesOfTrace(file: string, traceId: string): Record<string, unknown>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(traceId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
