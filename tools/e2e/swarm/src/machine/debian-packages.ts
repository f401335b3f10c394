import { existsSync, rmSync } from 'node:fs';

import { run, runChecked } from '../shell/run';

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

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
  await runChecked('apt-get', ['update', '-qq'], { env: APT_ENV });
  await runChecked('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env: APT_ENV });
  const added = [...(await installedPackages())].filter((name) => !before.has(name)).sort();
  return {
    packages: added,
    uninstall: async () => {
      if (added.length > 0) await runChecked('apt-get', ['purge', '-y', '-qq', ...added], { env: APT_ENV });
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
