import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** SIGKILL, as when a host dies: resolves once the process is gone (at once when it already is). */
export async function sigkill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
