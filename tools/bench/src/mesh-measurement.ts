import { CUSTOMER_STREAM } from '@mesh/customers-contracts';
import { domainApis, DOMAINS, type IsolatedMesh } from '@mesh/mesh-e2e';
import { ORDER_STREAM } from '@mesh/orders-contracts';

import { cpuBetween, cpuSnapshot, perRequest } from './cpu/service-cpu';
import { consumersCaughtUp } from './e2e/consumers-caught-up';
import { measureOrderToProjection } from './e2e/order-to-projection';
import { processMemory } from './e2e/process-memory';
import { type HttpCase, httpCases } from './http/http-cases';
import { measureThroughput, type ThroughputOptions } from './http/measure-throughput';
import { seedData } from './http/seed-data';
import { endToEndRate, type MeshBenchOptions } from './mesh-bench-options';
import type { MeshBenchResults } from './mesh-bench-report';

const SEED_CUSTOMERS = 30;
const POLL_INTERVAL_MS = 5;
const STREAMS = [ORDER_STREAM, CUSTOMER_STREAM];
const CATCH_UP_TIMEOUT_MS = 180_000;

/**
 * One run of the mesh benchmark on a started mesh: seed data, the HTTP cases, the end-to-end
 * phase and each service's memory afterwards. `e2eRate`, when given, is the end-to-end rate to
 * use whatever this run's POST /orders sustained (the tracing passes all use the first one's).
 */
export async function measureMesh(
  mesh: IsolatedMesh,
  options: MeshBenchOptions,
  progress: (line: string) => void,
  e2eRate?: number,
): Promise<MeshBenchResults> {
  const { processes, token } = mesh;
  const apis = domainApis((domain) => processes.url(domain), { token });
  const seed = await seedData(apis, SEED_CUSTOMERS);
  progress(`bench: seeded ${seed.customerIds.length} customers with an order each`);
  const httpOptions = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
  };
  const results: MeshBenchResults = { http: [], httpOptions, memory: [] };
  const pids = new Map(DOMAINS.map((service) => [service, processes.pid(service)]));
  if (options.parts.includes('http')) {
    for (const httpCase of httpCases(seed)) {
      progress(`bench: ${httpCase.service} ${httpCase.name}`);
      results.http.push(await measureHttpCase(mesh, httpCase, httpOptions, pids, progress));
    }
  }
  if (options.parts.includes('e2e')) {
    const postOrders = results.http.find(({ httpCase }) => httpCase.name === 'POST /orders')?.result.requestsPerSecond;
    const rate = e2eRate ?? endToEndRate(options.rate, postOrders);
    const waited = await consumersCaughtUp(mesh.stores.redis.target, STREAMS, CATCH_UP_TIMEOUT_MS);
    progress(`bench: consumers caught up (after ${waited.toFixed(1)} s); POST /orders → analytics at ${rate}/s`);
    const cpuBefore = cpuSnapshot(pids);
    const result = await measureOrderToProjection(
      {
        orders: apis.orders,
        analyticsDatabaseUrl: mesh.stores.env['ANALYTICS_DATABASE_URL'],
        customerIds: seed.customerIds,
      },
      {
        rate,
        durationSeconds: options.e2eSeconds,
        warmupSeconds: options.warmupSeconds,
        drainMs: 30_000,
        pollIntervalMs: POLL_INTERVAL_MS,
      },
    );
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(pids));
    progress(`  CPU ${perRequest(cpu.totalMs, result.placed).toFixed(3)} ms per order in the mesh`);
    results.e2e = {
      cpu,
      result,
      rate,
      requestedRate: options.rate,
      seconds: options.e2eSeconds,
      pollIntervalMs: POLL_INTERVAL_MS,
    };
  }
  for (const service of DOMAINS) {
    const pid = processes.pid(service);
    if (pid !== undefined) results.memory.push({ service, memory: await processMemory(pid) });
  }
  return results;
}

/**
 * One HTTP case with autocannon, and the CPU time it cost: the serving service's over the measured
 * run, the mesh's from the same start until the consumers caught up with the run's events.
 */
async function measureHttpCase(
  mesh: IsolatedMesh,
  httpCase: HttpCase,
  httpOptions: ThroughputOptions,
  pids: ReadonlyMap<string, number | undefined>,
  progress: (line: string) => void,
): Promise<MeshBenchResults['http'][number]> {
  let cpuBefore: Map<string, number> | undefined;
  const url = mesh.processes.url(httpCase.service);
  const result = await measureThroughput(url, mesh.token, httpCase, httpOptions, () => {
    cpuBefore = cpuSnapshot(pids);
  });
  if (!cpuBefore) throw new Error(`autocannon never started the measured run of ${httpCase.name}`);
  const servingCpuMs = cpuBetween(cpuBefore, cpuSnapshot(pids)).byService[httpCase.service];
  // A write's events are handled after its answers: the mesh's CPU time ends once the consumers
  // have caught up, so that it is counted for this case and not for the next one.
  const caughtUp = await consumersCaughtUp(mesh.stores.redis.target, STREAMS, CATCH_UP_TIMEOUT_MS);
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(pids));
  const serviceCpu = perRequest(servingCpuMs, result.completed);
  const meshCpu = perRequest(cpu.totalMs, result.completed);
  progress(
    `  ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99} ms, ${result.non2xx} non-2xx, ` +
      `${result.errors} errors; CPU ${serviceCpu.toFixed(3)} ms/req in ${httpCase.service}, ` +
      `${meshCpu.toFixed(3)} in the mesh (consumers caught up after ${caughtUp.toFixed(1)} s)`,
  );
  return { httpCase, result, cpu, servingCpuMs };
}

/** A description of the services that exited during the run, if any. */
export function crashReport(mesh: IsolatedMesh): string | undefined {
  const { crashes } = mesh.processes;
  return crashes.length === 0
    ? undefined
    : `service(s) exited during the run: ${crashes.map((crash) => crash.service).join(', ')}`;
}
