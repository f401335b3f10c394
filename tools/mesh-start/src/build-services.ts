import { WORKSPACE_ROOT } from '@mesh/infra';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * `nx run-many -t build` for the named projects (each lands in dist/apps/<name>/main.js), with
 * the workspace's own nx and its output shown (on stderr for a caller whose stdout is a report,
 * like the bench). Used by `npm start`, the e2e scenario and the bench.
 * @throws when the build fails.
 */
export async function buildServices(
  services: readonly { readonly name: string }[],
  output: 'stdout' | 'stderr' = 'stdout',
): Promise<void> {
  const nx = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'nx');
  const args = ['run-many', '-t', 'build', '-p', ...services.map((service) => service.name), '--output-style=static'];
  (output === 'stdout' ? process.stdout : process.stderr).write(`mesh: nx ${args.join(' ')}\n`);
  const child = spawn(nx, args, {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', output === 'stdout' ? 'inherit' : process.stderr, 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the build failed (nx exited with ${code}); see its output above`);
}

/** Where the build of a service lands. */
export function serviceMainFile(name: string): string {
  return join(WORKSPACE_ROOT, 'dist', 'apps', name, 'main.js');
}

/** A service's entry in its sources, which `ServiceProcess` runs without a build (compiled as it loads). */
export function serviceSourceFile(name: string): string {
  return join(WORKSPACE_ROOT, 'apps', name, 'src', 'main.ts');
}
