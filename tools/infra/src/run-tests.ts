/**
 * `npm test`: installs the system packages the tests need when it can (root), brings the
 * stores up through tools/infra, runs lint, typecheck and test for every project with their
 * URLs in the environment, then drops the test databases this run created and stops the
 * stores that it started (and only those), whatever happened. Exits with nx's exit code.
 * Extra arguments go to nx: `npm test -- -p infra`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { describeError, down, type StoreKind, up, WORKSPACE_ROOT } from './index';
import { installSystemPackages } from './system-packages';
import { newTestRun } from './test-run';

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

async function main(nxArguments: readonly string[]): Promise<number> {
  const interrupted = new AbortController();
  let nx: ChildProcess | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`run-tests: ${signal}, stopping`);
    interrupted.abort(new Error(`interrupted by ${signal}`));
    // A terminal's Ctrl-C reaches nx too; a SIGTERM sent to this process alone does not.
    nx?.kill(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let startedHere: StoreKind[] = [];
  const testRun = newTestRun();
  let storeEnv: Record<string, string> = {};
  try {
    await installSystemPackages();
    const infra = await up({ signal: interrupted.signal });
    startedHere = infra.startedNow.map((server) => server.store);
    storeEnv = Object.assign({}, ...infra.stores.map((store) => store.env)) as Record<string, string>;
    const env = { ...process.env, ...storeEnv, ...testRun.env, NX_DAEMON: 'false' };
    return await runNx(nxArguments, env, (child) => (nx = child));
  } catch (error) {
    console.error(`run-tests: ${describeError(error)}`);
    return interrupted.signal.aborted ? 130 : 1;
  } finally {
    // A test that failed half-way, or a worker killed on a timeout, leaves its databases behind.
    await testRun
      .dropLeftovers({ postgresUrl: storeEnv['POSTGRES_URL'], mongoUrl: storeEnv['CUSTOMERS_MONGODB_URL'] })
      .then((dropped) => dropped > 0 && console.log(`run-tests: dropped ${dropped} test databases left behind`))
      .catch((error: unknown) => console.error(`run-tests: ${describeError(error)}`));
    if (startedHere.length > 0) {
      console.log(`run-tests: stopping what this run started (${startedHere.join(', ')})`);
      await down({ stores: startedHere }).catch((error: unknown) => {
        console.error(`run-tests: ${describeError(error)}`);
      });
    }
  }
}

function runNx(
  nxArguments: readonly string[],
  env: NodeJS.ProcessEnv,
  onSpawn: (child: ChildProcess) => void,
): Promise<number> {
  // The workspace's own nx: npx could fetch another one from the registry when it is missing.
  const nxBinary = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'nx');
  const args = ['run-many', '-t', 'lint', 'typecheck', 'test', 'contract-check', '--output-style=stream', ...nxArguments];
  console.log(`run-tests: nx ${args.join(' ')}`);
  return new Promise((resolvePromise, reject) => {
    // No stdin: CI runs without one, and nothing here should wait for input.
    const child = spawn(nxBinary, args, { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    onSpawn(child);
    child.once('error', (error) => reject(new Error(`could not run ${nxBinary}`, { cause: error })));
    child.once('exit', (code, signal) => {
      resolvePromise(code ?? (signal ? (SIGNAL_EXIT_CODES[signal] ?? 1) : 1));
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`run-tests: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
