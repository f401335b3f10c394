import { existsSync, rmSync } from 'node:fs';

import { run, runChecked } from '../shell/run';

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
/**
 * Another apt or dpkg (unattended upgrades, a second CI step) may hold the lock when this one
 * starts: wait for it, bounded, instead of failing at once.
 */
const APT_LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=300'];

/** `apt-get` with the lock wait and no questions asked; throws with its output when it fails. */
export function aptGet(args: readonly string[], options: { cwd?: string } = {}): Promise<string> {
  return runChecked('apt-get', [...APT_LOCK_WAIT, ...args], { ...options, env: APT_ENV });
}

/** What a package installation added to the machine, so that it can be taken off again. */
export interface PackageInstallation {
  /** Packages that were not installed before (the asked ones and their dependencies). */
  readonly packages: readonly string[];
  /** Purges exactly those packages, then removes the paths and groups that did not exist before. */
  uninstall(): Promise<void>;
}

/** State that packages' scripts or programs create and a purge leaves behind. */
export interface PackageLeftovers {
  readonly paths?: readonly string[];
  readonly groups?: readonly string[];
}

/** The packages dpkg has installed now. */
async function installedPackages(): Promise<Set<string>> {
  const listed = await runChecked('dpkg-query', ['-W', '-f', '${db:Status-Abbrev} ${Package}\\n']);
  return new Set(
    listed
      .split('\n')
      .filter((line) => line.startsWith('ii '))
      .map((line) => line.slice(3).trim()),
  );
}

/** `apt-get install` of `packages`, remembering what it added so that `uninstall()` takes it off again. */
export async function installPackages(
  packages: readonly string[],
  leftovers: PackageLeftovers = {},
): Promise<PackageInstallation> {
  const before = await installedPackages();
  const newPaths = (leftovers.paths ?? []).filter((path) => !existsSync(path));
  const newGroups: string[] = [];
  for (const group of leftovers.groups ?? []) {
    if (!(await groupExists(group))) newGroups.push(group);
  }
  await aptGet(['update', '-qq']);
  await aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const added = [...(await installedPackages())].filter((name) => !before.has(name)).sort();
  return {
    packages: added,
    uninstall: async () => {
      if (added.length > 0) await aptGet(['purge', '-y', '-qq', ...added]);
      for (const path of newPaths) rmSync(path, { recursive: true, force: true });
      for (const group of newGroups) {
        if (await groupExists(group)) await runChecked('groupdel', [group]);
      }
    },
  };
}

async function groupExists(group: string): Promise<boolean> {
  return (await run('getent', ['group', group])).code === 0;
}
