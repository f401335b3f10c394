/**
 * `npm run soak -- [--minutes N] [--no-build] [--without-retention]`: months of operation
 * compressed into minutes (README.md beside this folder). Two replicas of every domain under
 * steady traffic, with replicas killed and the stores restarted, sampled every 10 s; passes when
 * every accepted order is counted exactly once and every sampled series levels off.
 */
import { describeError, WORKSPACE_ROOT } from '@mesh/infra';
import { join } from 'node:path';

import { Problems } from '../../kit/src/problems';
import { CleanupStack } from '../../mesh/src/harness/cleanup-stack';
import { startIsolatedMesh } from '../../mesh/src/harness/isolated-mesh';
import { runMain } from '../../mesh/src/harness/run-main';
import { growing } from './report/plateau';
import { writeSoakReport, type WrittenReport } from './report/soak-report';
import { runSoak, type SoakResult } from './scenario/soak-run';
import { retentionEnv, soakSettings } from './soak-settings';

const log = (line: string) => console.log(`soak: ${line}`);

async function main(argv: readonly string[]): Promise<number> {
  const settings = soakSettings(argv);
  const cleanup = new CleanupStack();
  const interrupted = new AbortController();
  const stopListening = endOnSignals(interrupted, cleanup);
  const problems = new Problems();
  try {
    const serviceEnv = { ...retentionEnv(settings), LOG_LEVEL: 'warn' };
    log(
      `retention: ${Object.entries(serviceEnv)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')}`,
    );
    const mesh = await startIsolatedMesh(
      { purpose: 'soak', build: settings.build, log, serviceEnv, replicas: 2, ownMongo: true, inspectFirstReplicas: true },
      cleanup,
    );
    const result = await runSoak(mesh, settings, problems, log, interrupted.signal);
    judge(result, writeSoakReport(result, settings, join(WORKSPACE_ROOT, '.mesh', 'soak', 'report')), problems);
  } catch (error) {
    problems.add(`the soak could not run to its end: ${describeError(error)}`);
  } finally {
    stopListening();
    for (const failure of await cleanup.run(log)) problems.add(failure);
  }
  if (problems.list.length === 0) {
    log(`PASSED: figures exact, every judged series flat (${settings.minutes} min)`);
    return 0;
  }
  console.error(`soak: FAILED:\n- ${problems.list.join('\n- ')}`);
  return 1;
}

/**
 * The first signal ends the run at its next step (no replica is restarted after it), and the
 * cleanup removes everything; another one more than 3 s later stops at once. (Ctrl-C reaches
 * this process twice: from the terminal and relayed by npm's and tsx's wrappers.)
 * @returns what stops listening.
 */
function endOnSignals(interrupted: AbortController, cleanup: CleanupStack): () => void {
  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt === undefined) {
      firstSignalAt = Date.now();
      console.error(`soak: ${signal}, ending the run and removing what it started`);
      interrupted.abort();
    } else if (Date.now() - firstSignalAt > 3_000) {
      console.error(`soak: ${signal} again, stopping now`);
      void cleanup.run(log).finally(() => process.exit(130));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

/** Prints the report and adds a problem for every bar the run did not hold. */
function judge(result: SoakResult, report: WrittenReport, problems: Problems): void {
  console.log(`\n${report.table}\n`);
  log(`samples, charts and report in ${report.reportFile}`);
  for (const verdict of report.verdicts.filter(growing))
    problems.add(
      `${verdict.series.name} keeps growing: ${verdict.lastMax} in the last third, ${verdict.middleMax} in the middle third`,
    );
  if (!result.convergence.settled)
    problems.add(
      `figures still differ ${result.convergence.seconds.toFixed(0)} s after the traffic stopped: ${result.convergence.comparison.differences.slice(0, 5).join('; ')}`,
    );
  for (const crash of result.crashes) problems.add(`a replica exited on its own: ${crash}`);
  for (const error of result.tally.serverErrors.filter((line) => !/→ 503/.test(line)).slice(0, 10))
    problems.add(`server error: ${error}`);
  for (const [sampler, gaps] of result.samplingGaps) log(`${sampler} could not be sampled ${gaps} time(s) (a restart)`);
  log(
    `answers: ${result.tally
      .summary()
      .map(([endpoint, counts]) => `${endpoint} ${counts}`)
      .join('; ')}`,
  );
}

runMain('soak', main);
