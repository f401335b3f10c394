/**
 * `npm run e2e [-- --no-build] [--redis=single|cluster|sentinel]`: the whole-mesh scenario with
 * fault injection (README.md beside this folder), on one redis-server of its own, a Redis Cluster
 * or a master with Sentinel (the Redis fault is then a failover). Starts an isolated mesh, runs the scenario, prints its figures, checks the
 * quality bars and removes everything it started. Exit code 0 only when every bar held.
 * E2E_SEED makes the malformed requests reproducible; E2E_MALFORMED changes how many are sent.
 */
import { describeError } from '@mesh/infra';
import { randomInt } from 'node:crypto';

import { newTokenIssuer, signAccessToken } from '../../kit/src/access-tokens';
import { DOMAINS } from '../../kit/src/api/domain-apis';
import { Problems } from '../../kit/src/problems';
import { checkAuthorizationMatrix } from './checks/authorization-matrix';
import { checkPolyglotConsumer } from './checks/polyglot-consumer';
import { malformedRequests } from './fuzz/malformed-requests';
import { CleanupStack } from './harness/cleanup-stack';
import { startIsolatedMesh } from './harness/isolated-mesh';
import { REDIS_MODES, redisModeOf } from './harness/redis/redis-under-test';
import { runMain } from './harness/run-main';
import type { LogFindings } from './harness/service-log';
import { figuresReport } from './report/figures-report';
import { MIN_MALFORMED_REQUESTS, verdict } from './report/verdict';
import { DEFAULT_SETTINGS, runMeshScenario } from './scenario/mesh-scenario';

const USAGE = `usage: npm run e2e [-- --no-build] [--redis=${REDIS_MODES.join('|')}]`;

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${text}"`);
  return value;
}

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((argument) => argument !== '--no-build' && !argument.startsWith('--redis='));
  if (unknown.length > 0) throw new Error(`unknown argument(s) ${unknown.join(' ')}; ${USAGE}`);
  const redisMode = redisModeOf(argv);
  const seed = positiveInteger('E2E_SEED', randomInt(2 ** 31));
  const malformedCount = positiveInteger('E2E_MALFORMED', MIN_MALFORMED_REQUESTS);
  const cleanup = new CleanupStack();
  const log = (line: string) => console.log(line);
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`e2e: ${signal}, removing what the run started`);
    void cleanup.run(log).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const problems = new Problems();
  const started = performance.now();
  try {
    const issuer = newTokenIssuer('e2e');
    const malformed = malformedRequests({ token: signAccessToken(issuer), issuer }, malformedCount, seed);
    console.log(
      `e2e: ${malformed.length} malformed requests generated from seed ${seed} (E2E_SEED=${seed} repeats them)`,
    );
    const mesh = await startIsolatedMesh(
      { purpose: 'e2e', build: !argv.includes('--no-build'), log, issuer, redisMode },
      cleanup,
    );
    console.log(`e2e: stores: ${mesh.stores.description.join('; ')}`);
    const result = await runMeshScenario(mesh, malformed, DEFAULT_SETTINGS, problems);
    const logs = new Map<string, LogFindings>(DOMAINS.map((name) => [name, mesh.processes.logOf(name).findings]));
    const crashes = mesh.processes.crashes.map(
      (crash) =>
        `${crash.service} (${crash.exit.signal ?? `code ${crash.exit.code}`}): ${crash.lastLines.slice(-3).join(' | ')}`,
    );
    console.log(`\n${figuresReport(result, logs)}\n`);
    // Step "polyglot consumer": Python reads the streams from the published AsyncAPI documents alone.
    for (const failure of await checkPolyglotConsumer(mesh.stores.redis, result.poisons, log)) problems.add(failure);
    for (const failure of verdict(result, logs, crashes)) problems.add(failure);
    // Step "authorization matrix": every documented route refuses every bad token (after the
    // figures are checked: its right-token controls may change data, e.g. queue a rebuild).
    const matrix = await checkAuthorizationMatrix(issuer, (name) => mesh.processes.services.get(name)?.port ?? 0);
    console.log(`e2e: authorization matrix: ${matrix.summary}, ${matrix.failures.length} mismatches`);
    for (const failure of matrix.failures) problems.add(failure);
    console.log(`e2e: service logs in ${mesh.logDir}`);
  } catch (error) {
    problems.add(`the scenario could not run to its end: ${describeError(error)}`);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    for (const failure of await cleanup.run(log)) problems.add(failure);
  }
  const seconds = ((performance.now() - started) / 1_000).toFixed(0);
  if (problems.list.length === 0) {
    console.log(
      `e2e: PASSED in ${seconds} s: no 5xx, no crash, every accepted order counted once, poison events dead-lettered`,
    );
    return 0;
  }
  console.error(`e2e: FAILED in ${seconds} s (seed ${seed}):\n- ${problems.list.join('\n- ')}`);
  return 1;
}

runMain('e2e', main);
