import { createEvent } from '@mesh/contract-kit';
import { endSpan, inProcessSpan, startSendSpan, withActiveTraceContext } from '@mesh/messaging';
import { ORDER_STREAM, orderPlaced } from '@mesh/orders-contracts';
import { traceLogFields } from '@mesh/service/telemetry';
import { trace } from '@opentelemetry/api';

/** One OpenTelemetry call the services make with tracing off, and how often one order makes it. */
export interface OffPathCall {
  what: string;
  /** Calls per order placed, through orders, the relay and both consumers. */
  perOrder: number;
  /** CPU time of one call, in this process, which has no SDK (as a service with tracing off). */
  nsPerCall: number;
}

export interface OffPathCost {
  calls: OffPathCall[];
  /** Σ perOrder × nsPerCall, in µs of CPU. */
  microsPerOrder: number;
}

const ITERATIONS = 100_000;

/**
 * What tracing off costs, measured where machine load cannot blur it: the CPU time of each call
 * the code paths make to OpenTelemetry's API when no SDK is loaded (they return at once: no-op
 * spans, an empty carrier), times how often one order through the mesh makes it. Measured in the
 * bench's own process, which loads no SDK either. `process.cpuUsage` counts this thread's CPU
 * only, not the time it waited for a core.
 */
export async function measureOffPathCost(iterations = ITERATIONS): Promise<OffPathCost> {
  if (trace.getTracer('off-path').startSpan('probe').isRecording()) {
    throw new Error('an OpenTelemetry SDK is registered in the bench process: the off path cannot be measured here');
  }
  const event = createEvent(orderPlaced, { subject: 'off-path', data: orderPlaced.example });
  const delivery = { group: 'analytics', stream: ORDER_STREAM, entryId: '1-0', deliveryCount: 1, redriven: false };
  const calls: OffPathCall[] = [
    // pino's mixin, on each access-log line: orders logs one per request.
    { what: 'trace fields of a log line (pino mixin)', perOrder: 1, nsPerCall: cpuNs(iterations, () => traceLogFields()) },
    { what: 'span name of the route (onRequest hook)', perOrder: 1, nsPerCall: cpuNs(iterations, () => trace.getActiveSpan()) },
    { what: 'traceparent of the stored event (outbox)', perOrder: 1, nsPerCall: cpuNs(iterations, () => withActiveTraceContext(event)) },
    {
      what: 'send span of the published event (relay)',
      perOrder: 1,
      nsPerCall: cpuNs(iterations, () => endSpan(startSendSpan(event, ORDER_STREAM).span)),
    },
    {
      what: 'process span of each consumer (customers, analytics)',
      perOrder: 2,
      nsPerCall: await asyncCpuNs(iterations, () => inProcessSpan(event, delivery, async () => undefined)),
    },
  ];
  return { calls, microsPerOrder: calls.reduce((sum, call) => sum + call.perOrder * call.nsPerCall, 0) / 1_000 };
}

/** The share of `cpuMsPerOrder` (the mesh's CPU per order with tracing off) that the off path takes. */
export function offPathShare(cost: OffPathCost, cpuMsPerOrder: number): number {
  return cost.microsPerOrder / 1_000 / cpuMsPerOrder;
}

/** The report's lines: each call, and the bound on what tracing off costs. */
export function renderOffPathCost(cost: OffPathCost, cpuMsPerOrder: number | undefined): string {
  const lines = cost.calls.map(
    (call) => `  ${call.what}: ${call.perOrder} × ${call.nsPerCall.toFixed(0)} ns`,
  );
  const share =
    cpuMsPerOrder === undefined
      ? ''
      : `, ${(offPathShare(cost, cpuMsPerOrder) * 100).toFixed(3)}% of the ${cpuMsPerOrder.toFixed(2)} CPU ms the mesh spends per order with tracing off`;
  return [
    `tracing off, what it still does (OpenTelemetry's API with no SDK), per order through the mesh: ${cost.microsPerOrder.toFixed(1)} µs of CPU${share}:`,
    ...lines,
  ].join('\n');
}

function cpuNs(iterations: number, call: () => unknown): number {
  for (let index = 0; index < 1_000; index += 1) call(); // warm-up: compiled before it is timed
  const before = process.cpuUsage();
  for (let index = 0; index < iterations; index += 1) call();
  const used = process.cpuUsage(before);
  return ((used.user + used.system) * 1_000) / iterations;
}

async function asyncCpuNs(iterations: number, call: () => Promise<unknown>): Promise<number> {
  for (let index = 0; index < 1_000; index += 1) await call();
  const before = process.cpuUsage();
  for (let index = 0; index < iterations; index += 1) await call();
  const used = process.cpuUsage(before);
  return ((used.user + used.system) * 1_000) / iterations;
}
