import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { InfraError } from './errors';
import { WORKSPACE_ROOT } from './options';

const SCRIPT = join(WORKSPACE_ROOT, 'tools', 'ci', 'install-system-packages.sh');

/**
 * Debian's packages that the tests need beyond npm and the stores (Chromium for the catalog's
 * browser test, …), installed when missing and this is root. As another user nothing is
 * installed: the script prints the one command that would, and the tests that need a package
 * fail saying the same, while every other test still runs.
 */
export async function installSystemPackages(): Promise<void> {
  const code = await new Promise<number>((resolvePromise, reject) => {
    const child = spawn('bash', [SCRIPT], { cwd: WORKSPACE_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => reject(new InfraError(`could not run ${SCRIPT}`, { cause: error })));
    child.once('exit', (exitCode) => resolvePromise(exitCode ?? 1));
  });
  if (code === 0) return;
  if (process.getuid?.() === 0) throw new InfraError(`installing system packages failed (${SCRIPT} exited ${code})`);
  console.error('run-tests: going on without them; the tests that need them will fail');
}
