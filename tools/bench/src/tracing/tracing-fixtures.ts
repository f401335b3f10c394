import type { ServiceCpu } from '../cpu/service-cpu';
import type { HttpCase } from '../http/http-cases';
import type { MeshBenchResults } from '../mesh-bench-report';
import type { TracingMode, TracingPass } from './tracing-figures';

/**
 * What the specs vary in a pass: one route's req/s, p99 and CPU ms per request of the mesh (half
 * of it in orders), the end-to-end p99 and CPU ms per order, orders' RSS in MB.
 */
export interface PassFigures {
  mode: TracingMode;
  requestsPerSecond: number;
  p99: number;
  cpuMsPerRequest?: number;
  endToEndP99?: number;
  endToEndCpuMsPerOrder?: number;
  rssMb?: number;
  spansReceived?: number;
}

const postOrders: HttpCase = {
  service: 'orders',
  name: 'POST /orders',
  method: 'POST',
  request: () => ({ path: '/orders' }),
};

const COMPLETED = 6_000;
const PLACED = 2_100;

/** CPU time of the three services: half in orders, a quarter in each of the others. */
function meshCpu(totalMs: number): ServiceCpu {
  return { byService: { orders: totalMs / 2, customers: totalMs / 4, analytics: totalMs / 4 }, totalMs };
}

function fakeEndToEnd(p99: number, cpuMsPerOrder: number): MeshBenchResults['e2e'] {
  return {
    result: {
      sentPerSecond: 100,
      http: { count: 2_000, p50: 5, p99: 40, max: 90 },
      projection: { count: 2_000, p50: 12, p99, max: 120 },
      refused: 0,
      lost: 0,
      placed: PLACED,
    },
    cpu: meshCpu(cpuMsPerOrder * PLACED),
    rate: 100,
    requestedRate: 200,
    seconds: 20,
    pollIntervalMs: 5,
  };
}

/** A pass of the comparison with the given figures and plausible others, for the specs. */
export function fakePass(figures: PassFigures): TracingPass {
  const results: MeshBenchResults = {
    http: [
      {
        httpCase: postOrders,
        result: {
          requestsPerSecond: figures.requestsPerSecond,
          p50: 10,
          p99: figures.p99,
          max: 200,
          non2xx: 0,
          errors: 0,
          sent: 6_016,
          completed: COMPLETED,
        },
        servingCpuMs: ((figures.cpuMsPerRequest ?? 1) * COMPLETED) / 2,
        cpu: meshCpu((figures.cpuMsPerRequest ?? 1) * COMPLETED),
      },
    ],
    httpOptions: { connections: 16, durationSeconds: 6, warmupSeconds: 1 },
    memory: [
      {
        service: 'orders',
        memory: {
          rss: (figures.rssMb ?? 250) * 1024 * 1024,
          peak: 300 * 1024 * 1024,
        },
      },
    ],
  };
  if (figures.endToEndP99 !== undefined)
    results.e2e = fakeEndToEnd(figures.endToEndP99, figures.endToEndCpuMsPerOrder ?? 4);
  return {
    mode: figures.mode,
    results,
    spansReceived: figures.spansReceived ?? (figures.mode === 'on' ? 5_000 : 0),
    loadBefore: 1.2,
    loadAfter: 1.5,
    seconds: 70,
  };
}

/**
 * In the run's order, off, on, on, off: req/s 1,000, 800, 840, 960 (off mean 980, on mean 820);
 * CPU ms per request of the mesh 1.00, 1.10, 1.14, 1.02 (1.01 and 1.12; half of it in orders, the
 * serving service); per order 4.0, 4.4, 4.6, 4.1 (4.05 and 4.5).
 */
export const fourPasses: TracingPass[] = [
  fakePass({
    mode: 'off',
    requestsPerSecond: 1_000,
    p99: 20,
    cpuMsPerRequest: 1,
    endToEndP99: 50,
    endToEndCpuMsPerOrder: 4,
    rssMb: 250,
  }),
  fakePass({
    mode: 'on',
    requestsPerSecond: 800,
    p99: 30,
    cpuMsPerRequest: 1.1,
    endToEndP99: 60,
    endToEndCpuMsPerOrder: 4.4,
    rssMb: 300,
  }),
  fakePass({
    mode: 'on',
    requestsPerSecond: 840,
    p99: 26,
    cpuMsPerRequest: 1.14,
    endToEndP99: 64,
    endToEndCpuMsPerOrder: 4.6,
    rssMb: 310,
  }),
  fakePass({
    mode: 'off',
    requestsPerSecond: 960,
    p99: 22,
    cpuMsPerRequest: 1.02,
    endToEndP99: 52,
    endToEndCpuMsPerOrder: 4.1,
    rssMb: 254,
  }),
];
