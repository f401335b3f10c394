/**
 * `npm run bench:mesh [-- options]` (also `bench:http`, `bench:e2e`): HTTP throughput per
 * service with autocannon, the end-to-end latency from POST /orders to the analytics
 * projection at a fixed rate, and each service's memory afterwards, on an isolated mesh (its
 * own databases, Redis and ports, as the e2e scenario starts it). Progress on stderr; the table
 * on stdout. Options: see mesh-bench-options.ts (`--only=http|e2e`, `--no-build`, …).
 */
import { CUSTOMER_STREAM } from '@mesh/customers-contracts';
import { describeError } from '@mesh/infra';
import { CleanupStack, domainApis, DOMAINS, type IsolatedMesh, runMain, startIsolatedMesh } from '@mesh/mesh-e2e';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import { cpus, loadavg } from 'node:os';

import { consumersCaughtUp } from './e2e/consumers-caught-up';
import { measureOrderToProjection } from './e2e/order-to-projection';
import { processMemory } from './e2e/process-memory';
import { httpCases } from './http/http-cases';
import { measureThroughput } from './http/measure-throughput';
import { seedData } from './http/seed-data';
import { endToEndRate, type MeshBenchOptions, parseMeshBenchOptions } from './mesh-bench-options';
import { type MeshBenchResults, renderMeshBench } from './mesh-bench-report';

const SEED_CUSTOMERS = 30;
const POLL_INTERVAL_MS = 5;

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function measure(mesh: IsolatedMesh, options: MeshBenchOptions): Promise<MeshBenchResults> {
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
  if (options.parts.includes('http')) {
    for (const httpCase of httpCases(seed)) {
      progress(`bench: ${httpCase.service} ${httpCase.name}`);
      const result = await measureThroughput(processes.url(httpCase.service), token, httpCase, httpOptions);
      progress(
        `  ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`,
      );
      results.http.push({ httpCase, result });
    }
  }
  if (options.parts.includes('e2e')) {
    const postOrders = results.http.find(({ httpCase }) => httpCase.name === 'POST /orders')?.result.requestsPerSecond;
    const rate = endToEndRate(options.rate, postOrders);
    const waited = await consumersCaughtUp(mesh.stores.redis.url, [ORDER_STREAM, CUSTOMER_STREAM], 180_000);
    progress(`bench: consumers caught up (after ${waited.toFixed(1)} s); POST /orders → analytics at ${rate}/s`);
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
    results.e2e = {
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

async function main(argv: readonly string[]): Promise<number> {
  const options = parseMeshBenchOptions(argv);
  const cleanup = new CleanupStack();
  const started = performance.now();
  try {
    const mesh = await startIsolatedMesh(
      // Access logs of every request would cost the services (and this process, which reads them) more than the work measured.
      {
        purpose: 'bench',
        build: options.build,
        buildOutput: 'stderr',
        log: progress,
        serviceEnv: { LOG_LEVEL: 'warn' },
      },
      cleanup,
    );
    const results = await measure(mesh, options);
    const header = [
      `mesh benchmark — ${new Date().toISOString()}`,
      `node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim()}), load average ${loadAverage()}; ` +
        'the services, their stores and the load generator share this machine; services log at warn',
      `services built with nx, one process each, own PostgreSQL databases, FerretDB database and redis-server (append-only, fsync always)`,
    ];
    process.stdout.write(
      `${header.join('\n')}\n\n${renderMeshBench(results)}\n\nwhole run: ${((performance.now() - started) / 1_000).toFixed(0)} s\n`,
    );
    const crashed = crashReport(mesh);
    if (crashed) throw new Error(crashed);
    return 0;
  } catch (error) {
    console.error(`bench: ${describeError(error)}`);
    return 1;
  } finally {
    await cleanup.run(progress);
  }
}

/** A description of the services that exited during the run, if any. */
function crashReport(mesh: IsolatedMesh): string | undefined {
  const { crashes } = mesh.processes;
  return crashes.length === 0
    ? undefined
    : `service(s) exited during the run: ${crashes.map((crash) => crash.service).join(', ')}`;
}

runMain('bench', main);
