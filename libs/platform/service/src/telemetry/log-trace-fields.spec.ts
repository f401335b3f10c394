import { context, propagation, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';

import { traceLogFields } from './log-trace-fields';

describe('traceLogFields (the pino mixin)', () => {
  it('adds nothing while no span is active, as with tracing off', () => {
    expect(traceLogFields()).toEqual({});
  });

  it('gives the ids of the active span', async () => {
    const sdk = new NodeSDK({
      spanProcessors: [new SimpleSpanProcessor({ exporter: new InMemorySpanExporter() })],
      autoDetectResources: false,
      metricReaders: [],
      logRecordProcessors: [],
    });
    sdk.start();
    try {
      trace.getTracer('test').startActiveSpan('work', (span) => {
        const { traceId, spanId } = span.spanContext();
        expect(traceLogFields()).toEqual({ trace_id: traceId, span_id: spanId, trace_flags: '01' });
        span.end();
      });
      expect(traceLogFields()).toEqual({});
    } finally {
      await sdk.shutdown();
      for (const api of [trace, context, propagation]) api.disable();
    }
  });
});
