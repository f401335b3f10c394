/**
 * `npm run bench:mesh [-- options]` (also `bench:http`, `bench:e2e`): HTTP throughput per
 * service with autocannon, the end-to-end latency from POST /orders to the analytics
 * projection at a fixed rate, and each service's memory afterwards, on an isolated mesh (its
 * own databases, Redis and ports, as the e2e scenario starts it). With `--tracing`, passes with
 * OpenTelemetry off and on, compared. Progress on stderr; the table on stdout. Options: see
 * mesh-bench-options.ts (`--only=http|e2e`, `--no-build`, `--tracing`, …).
 */
import { describeError } from '@mesh/infra';
import { CleanupStack, runMain, startIsolatedMesh } from '@mesh/mesh-e2e';
import { cpus, loadavg } from 'node:os';

import { type MeshBenchOptions, parseMeshBenchOptions } from './mesh-bench-options';
import { renderMeshBench } from './mesh-bench-report';
import { crashReport, measureMesh } from './mesh-measurement';
import { measureOffPathCost, renderOffPathCost } from './tracing/off-path-cost';
import { compareFigures, spanCountProblems } from './tracing/tracing-figures';
import { runTracingPasses } from './tracing/tracing-passes';
import { renderTracingComparison } from './tracing/tracing-report';

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function header(title: string): string {
  return [
    `${title} — ${new Date().toISOString()}`,
    `node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim()}), load average ${loadAverage()}; ` +
      'the services, their stores and the load generator share this machine; services log at warn',
    `services built with nx, one process each, own PostgreSQL databases, FerretDB database and redis-server (append-only, fsync always)`,
  ].join('\n');
}

/** One run: the default benchmark. */
async function runOnce(options: MeshBenchOptions, started: number): Promise<void> {
  const cleanup = new CleanupStack();
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
    const results = await measureMesh(mesh, options, progress);
    process.stdout.write(
      `${header('mesh benchmark')}\n\n${renderMeshBench(results)}\n\nwhole run: ${((performance.now() - started) / 1_000).toFixed(0)} s\n`,
    );
    const crashed = crashReport(mesh);
    if (crashed) throw new Error(crashed);
  } finally {
    await cleanup.run(progress);
  }
}

/** `--tracing`: the passes with tracing off and on, and their comparison. */
async function runTracingComparison(options: MeshBenchOptions, started: number): Promise<void> {
  const passes = await runTracingPasses(options, progress);
  process.stdout.write(
    `${header('mesh benchmark, tracing off and on')}\n\n${renderTracingComparison(passes)}\n\nwhole run: ${((performance.now() - started) / 1_000).toFixed(0)} s\n`,
  );
  const endToEndCpu = compareFigures(passes).find((figure) => figure.source === 'e2e' && figure.cpuOf === 'mesh');
  process.stdout.write(`\n${renderOffPathCost(await measureOffPathCost(), endToEndCpu?.offMean)}\n`);
  const problems = spanCountProblems(passes);
  if (problems.length > 0) throw new Error(`the passes did not trace as they should: ${problems.join('; ')}`);
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseMeshBenchOptions(argv, process.env);
  const started = performance.now();
  try {
    await (options.tracing ? runTracingComparison(options, started) : runOnce(options, started));
    return 0;
  } catch (error) {
    console.error(`bench: ${describeError(error)}`);
    return 1;
  }
}

runMain('bench', main);
