import { createEvent, defineEvent } from '@mesh/contract-kit';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { z } from 'zod';

import { traceContextOf, withActiveTraceContext } from './event-trace-context';
import { endSpan, inProcessSpan, startSendSpan } from './messaging-spans';

const itemAdded = defineEvent({
  source: '/tracingtest',
  type: 'tracingtest.item.added',
  version: 1,
  stream: 'tracingtest.item.v1',
  description: 'An item was added.',
  schema: z.object({ itemId: z.string() }),
  example: { itemId: 'item-0' },
});
const delivery = { group: 'reader', stream: 'tracingtest.item.v1', entryId: '1-0', deliveryCount: 1, redriven: false };
const newEvent = () => createEvent(itemAdded, { subject: 'item-1', data: { itemId: 'item-1' } });

describe('trace context along the event path', () => {
  it('leaves events as they are while tracing is off', async () => {
    const event = newEvent();
    expect(withActiveTraceContext(event)).toBe(event);
    expect(startSendSpan(event, delivery.stream).envelope).toBe(event);
    await expect(inProcessSpan(event, delivery, async () => 'handled')).resolves.toBe('handled');
  });

  describe('with an SDK', () => {
    const exporter = new InMemorySpanExporter();
    const sdk = new NodeSDK({
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
      autoDetectResources: false,
      metricReaders: [],
      logRecordProcessors: [],
    });
    beforeAll(() => sdk.start());
    afterAll(async () => {
      await sdk.shutdown();
      for (const api of [trace, context, propagation]) api.disable();
    });
    beforeEach(() => exporter.reset());

    const spanNamed = (name: string): ReadableSpan => {
      const span = exporter.getFinishedSpans().find((each) => each.name === name);
      if (!span) throw new Error(`no span ${name} among ${exporter.getFinishedSpans().map((each) => each.name).join(', ')}`);
      return span;
    };

    it('stores the context of the request with the event, sends under it and processes under the send', async () => {
      const stored = trace.getTracer('test').startActiveSpan('POST /items', (request) => {
        const event = withActiveTraceContext(newEvent());
        request.end();
        return event;
      });
      const request = spanNamed('POST /items');
      expect(stored.traceparent).toBe(`00-${request.spanContext().traceId}-${request.spanContext().spanId}-01`);

      const send = startSendSpan(stored, delivery.stream);
      endSpan(send.span);
      const sent = spanNamed('send tracingtest.item.v1');
      expect(sent.kind).toBe(SpanKind.PRODUCER);
      expect(sent.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(send.envelope.traceparent).toBe(`00-${sent.spanContext().traceId}-${sent.spanContext().spanId}-01`);

      const written = await inProcessSpan(send.envelope, delivery, async () => withActiveTraceContext(newEvent()));
      const processed = spanNamed('process tracingtest.item.v1');
      expect(processed.kind).toBe(SpanKind.CONSUMER);
      expect(processed.parentSpanContext?.spanId).toBe(sent.spanContext().spanId);
      expect(processed.attributes).toMatchObject({ 'messaging.consumer.group.name': 'reader', 'cloudevents.event_id': stored.id });
      // What the handler stores continues the trace under its process span.
      expect(trace.getSpanContext(traceContextOf(written))).toMatchObject({ spanId: processed.spanContext().spanId });
    });

    it('marks the process span failed when the handler throws, and lets the error through', async () => {
      await expect(inProcessSpan(newEvent(), delivery, () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
      expect(spanNamed('process tracingtest.item.v1').status).toMatchObject({ code: 2, message: 'store down' });
    });
  });
});
