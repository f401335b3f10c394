import type { Telemetry } from 'bullmq';

import { tracingEnabled } from './start-telemetry';

/**
 * BullMQ's own OpenTelemetry support (`bullmq-otel`), for the `telemetry` option of its queues
 * and workers: adding a job, and each attempt at processing it, is a span; the job carries the
 * adder's context, so a job added during a request continues its trace. `undefined` (BullMQ
 * without telemetry) when this process does not trace.
 */
export function bullmqTelemetry(tracerName: string): Telemetry | undefined {
  if (!tracingEnabled()) return undefined;
   
  const { BullMQOtel } = require('bullmq-otel') as typeof import('bullmq-otel');
  return new BullMQOtel({ tracerName });
}
