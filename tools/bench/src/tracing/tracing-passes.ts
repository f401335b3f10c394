import { CleanupStack, OtlpReceiver, startIsolatedMesh } from '@mesh/mesh-e2e';
import { loadavg } from 'node:os';

import type { MeshBenchOptions } from '../mesh-bench-options';
import { crashReport, measureMesh } from '../mesh-measurement';
import { tracingEnv } from './tracing-env';
import { TRACING_PASS_ORDER, type TracingPass } from './tracing-figures';

/**
 * The passes of `--tracing`: for each mode of TRACING_PASS_ORDER, a fresh isolated mesh (its
 * own databases, Redis and ports, so that no pass measures the rows another left), measured as
 * one run of the benchmark is, then stopped. With tracing on the services export to an OTLP
 * receiver of the bench's own, which counts their spans. Every pass sends the end-to-end orders
 * at the rate the first one chose, so that their latencies compare.
 */
export async function runTracingPasses(
  options: MeshBenchOptions,
  progress: (line: string) => void,
): Promise<TracingPass[]> {
  const receiver = await OtlpReceiver.start({ keepSpans: false });
  try {
    const passes: TracingPass[] = [];
    let e2eRate: number | undefined;
    for (const [index, mode] of TRACING_PASS_ORDER.entries()) {
      progress(`bench: pass ${index + 1} of ${TRACING_PASS_ORDER.length}, tracing ${mode}`);
      const loadBefore = loadavg()[0];
      const spansBefore = receiver.spanCount;
      const started = performance.now();
      const cleanup = new CleanupStack();
      let pass: Omit<TracingPass, 'spansReceived' | 'loadAfter' | 'seconds'>;
      try {
        const mesh = await startIsolatedMesh(
          {
            purpose: 'bench',
            build: options.build && index === 0,
            buildOutput: 'stderr',
            log: progress,
            serviceEnv: {
              LOG_LEVEL: 'warn',
              ...tracingEnv(mode, receiver.endpoint),
            },
          },
          cleanup,
        );
        const results = await measureMesh(mesh, options, progress, e2eRate);
        const crashed = crashReport(mesh);
        if (crashed) throw new Error(`pass ${index + 1} (tracing ${mode}): ${crashed}`);
        pass = { mode, results, loadBefore };
      } finally {
        // Stopping the services gracefully exports the spans their SDK still holds.
        await cleanup.run(progress);
      }
      e2eRate ??= pass.results.e2e?.rate;
      passes.push({
        ...pass,
        spansReceived: receiver.spanCount - spansBefore,
        loadAfter: loadavg()[0],
        seconds: (performance.now() - started) / 1_000,
      });
      progress(`  ${receiver.spanCount - spansBefore} spans received`);
    }
    if (receiver.refused.length > 0)
      progress(`bench: the OTLP receiver refused ${receiver.refused.length} bodies: ${receiver.refused[0]}`);
    return passes;
  } finally {
    await receiver.close();
  }
}
