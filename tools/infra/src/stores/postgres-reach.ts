import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { InfraError } from '../errors';
import { runCommand } from '../processes';
import type { PostgresBinaries } from './embedded-postgres-binaries';
import type { RunAs } from './postgres-run-as';

/**
 * Whether `runAs` can reach `path` through every parent directory: asked of the kernel by
 * running `test -x` as that user, which also counts its supplementary groups.
 */
export async function reachableBy(runAs: RunAs, path: string): Promise<boolean> {
  const result = await runCommand('test', ['-x', path], { uid: runAs.uid, gid: runAs.gid });
  return result.code === 0;
}

/**
 * The embedded server's programs, where the postgres user can run them. As root, PostgreSQL runs
 * as that user, and a workspace inside a directory closed to others (root's own home is 0700, so
 * is a `mktemp -d` directory) hides node_modules from it. The package's `native/` tree is then
 * copied once, per package location, into the system's temporary directory, readable by all.
 */
export async function binariesWithinReach(binaries: PostgresBinaries, runAs: RunAs): Promise<PostgresBinaries> {
  if (await reachableBy(runAs, binaries.initdb)) return binaries;
  const nativeDir = dirname(dirname(binaries.initdb));
  const copyDir = binariesCopyDir(nativeDir);
  const complete = join(copyDir, '.complete');
  if (!existsSync(complete)) {
    const partial = `${copyDir}.${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    writeFileSync(join(partial, '.complete'), `${nativeDir}\n`);
    rmSync(copyDir, { recursive: true, force: true });
    renameSync(partial, copyDir);
  }
  const copied = (program: string) => join(copyDir, relative(nativeDir, program));
  const within: PostgresBinaries = {
    initdb: copied(binaries.initdb),
    pg_ctl: copied(binaries.pg_ctl),
    postgres: copied(binaries.postgres),
  };
  if (!(await reachableBy(runAs, within.initdb))) {
    throw new InfraError(`PostgreSQL: the postgres user cannot run ${within.initdb} either`, {
      fix: `make ${tmpdir()} traversable by all (mode 1777), or set POSTGRES_URL to a running server`,
    });
  }
  return within;
}

/**
 * Where the server's data, socket and log go when the postgres user cannot reach the
 * workspace's .mesh: a directory of its own in the system's temporary directory, named after the
 * workspace, so that every `infra:up` of that workspace finds the same data again.
 */
export function dataDirOutsideWorkspace(meshDir: string, runAs: RunAs): string {
  const dir = outsideWorkspaceDir(meshDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

/** Where binariesWithinReach copies the programs of the package tree `nativeDir`. */
export const binariesCopyDir = (nativeDir: string) => join(tmpdir(), `mesh-embedded-postgres-${digest(nativeDir)}`);

/** Where dataDirOutsideWorkspace keeps the server of the workspace whose .mesh is `meshDir`. */
export const outsideWorkspaceDir = (meshDir: string) => join(tmpdir(), `mesh-postgres-${digest(meshDir)}`);

const digest = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 12);
