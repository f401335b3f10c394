import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../../../..');

/** A TypeScript file of this library run as a separate Node process, with its output collected. */
export interface TsChildProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code (null when killed by the signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `file` with `node -r @swc-node/register`, which compiles TypeScript with decorators
 * the way the tests do. swc-node reads the base tsconfig for the `@mesh/*` paths: given the
 * library's tsconfig it would resolve the paths from the wrong directory.
 */
export function runTsFile(file: string, env: Record<string, string>): TsChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', file], {
    cwd: workspaceRoot,
    env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
