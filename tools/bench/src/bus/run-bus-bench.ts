import { fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Entry of `npm run bench:bus` (`node -r @swc-node/register tools/bench/src/bus/run-bus-bench.ts`).
 *
 * With no tsconfig.json in the working directory, swc-node compiles with neither legacy
 * decorators nor decorator metadata (which NestJS needs) and without the `@mesh/*` path
 * aliases. So this file runs the benchmark in a child process whose swc-node reads
 * tsconfig.base.json (as the messaging library's child-process tests do). Node flags given to
 * this process (`--cpu-prof`, …) pass on to the child.
 */
const workspaceRoot = join(__dirname, '..', '..', '..', '..');

const child = fork(join(__dirname, 'main.ts'), process.argv.slice(2), {
  cwd: workspaceRoot,
  // --expose-gc: the runner collects garbage between phases so that none pays for another's.
  execArgv: [...process.execArgv, '--expose-gc'],
  env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json') },
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
