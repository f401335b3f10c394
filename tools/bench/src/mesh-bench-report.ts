import { perRequest, type ServiceCpu } from './cpu/service-cpu';
import type { EndToEndResult } from './e2e/order-to-projection';
import type { ProcessMemory } from './e2e/process-memory';
import type { HttpCase } from './http/http-cases';
import type { ThroughputOptions, ThroughputResult } from './http/measure-throughput';
import { type Column, formatCount, formatCpuMs, formatMs, formatTable } from './stats/table';

export interface MeshBenchResults {
  /**
   * `servingCpuMs`: what the service that served the case used over the measured run (not its
   * warm-up); `cpu`: what each service used from the same start until the consumers caught up with
   * the run's events (a write's events cost the consumers after its answers).
   */
  http: Array<{ httpCase: HttpCase; result: ThroughputResult; servingCpuMs: number; cpu: ServiceCpu }>;
  httpOptions: ThroughputOptions;
  /** `cpu`: what each service used from the first order placed (warm-up included) until the last was projected. */
  e2e?: {
    result: EndToEndResult;
    rate: number;
    requestedRate: number;
    seconds: number;
    pollIntervalMs: number;
    cpu: ServiceCpu;
  };
  memory: Array<{ service: string; memory: ProcessMemory }>;
}

const columns: Column[] = [
  { header: 'service', align: 'left' },
  { header: 'measurement', align: 'left' },
  { header: 'req/s', align: 'right' },
  { header: 'p50 ms', align: 'right' },
  { header: 'p99 ms', align: 'right' },
  { header: 'max ms', align: 'right' },
  { header: 'failed', align: 'right' },
  { header: 'CPU ms/req: service / mesh', align: 'right' },
  { header: 'notes', align: 'left' },
];

const cpuCell = (service: number, mesh: number) => `${formatCpuMs(service)} / ${formatCpuMs(mesh)}`;

const megabytes = (bytes: number) => `${formatCount(bytes / (1024 * 1024))} MB`;

/**
 * HTTP throughput per case, the end-to-end latency, and each service's memory, in one table; with
 * the CPU time per request of the service that served it and of the three services together (a
 * POST's events cost the consumers too), and per end-to-end order of the three.
 */
export function renderMeshBench(results: MeshBenchResults): string {
  const { connections, durationSeconds } = results.httpOptions;
  const rows = results.http.map(({ httpCase, result, servingCpuMs, cpu }) => [
    httpCase.service,
    httpCase.name,
    formatCount(result.requestsPerSecond),
    formatMs(result.p50),
    formatMs(result.p99),
    formatMs(result.max),
    formatCount(result.non2xx + result.errors),
    cpuCell(perRequest(servingCpuMs, result.completed), perRequest(cpu.totalMs, result.completed)),
    `closed loop, ${connections} connections, ${durationSeconds} s`,
  ]);
  if (results.e2e) {
    const { result, rate, requestedRate, seconds, pollIntervalMs, cpu } = results.e2e;
    const capped =
      rate < requestedRate ? ` (${requestedRate}/s asked; capped at half the POST /orders throughput)` : '';
    const sent = `open loop at ${rate}/s for ${seconds} s${capped}`;
    rows.push(
      [
        'orders',
        'POST /orders → 201',
        formatCount(result.sentPerSecond),
        formatMs(result.http.p50),
        formatMs(result.http.p99),
        formatMs(result.http.max),
        formatCount(result.refused),
        '–',
        sent,
      ],
      [
        'mesh',
        'POST /orders → analytics projection',
        formatCount(result.sentPerSecond),
        formatMs(result.projection.p50),
        formatMs(result.projection.p99),
        formatMs(result.projection.max),
        formatCount(result.lost),
        cpuCell(Number.NaN, perRequest(cpu.totalMs, result.placed)),
        `${sent}; outbox → Redis → consumer → commit, seen by polling every ${pollIntervalMs} ms`,
      ],
    );
  }
  for (const { service, memory } of results.memory) {
    rows.push([
      service,
      'resident memory after the run',
      '–',
      '–',
      '–',
      '–',
      '–',
      '–',
      `RSS ${megabytes(memory.rss)}, peak ${megabytes(memory.peak)}`,
    ]);
  }
  return formatTable(columns, rows);
}
