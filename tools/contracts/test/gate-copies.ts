import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * What the gate specs share: each runs the real contracts CLI, the way the Nx targets run it, on
 * copies of a library (and of a service's code) that it then edits. The copies live in the
 * workspace's tmp/ so that their `@mesh/*` imports resolve as the originals' do.
 */
export const WORKSPACE = resolve(__dirname, '../../..');

const TSX = join(WORKSPACE, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  code: number | null;
  /** stdout, then stderr. */
  output: string;
}

/** `tsx tools/contracts/src/cli.ts <command> <args…>` from the workspace root; paths in `args` are relative to it. */
export function runContractsCli(command: 'check' | 'write', args: readonly string[]): CliRun {
  const result = spawnSync(
    TSX,
    ['--tsconfig', 'tsconfig.base.json', 'tools/contracts/src/cli.ts', command, ...args],
    { cwd: WORKSPACE, encoding: 'utf8' },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A new, empty folder under the workspace's tmp/ for one test's copies; `removeCopies` deletes it. */
export async function newCopyFolder(prefix: string): Promise<string> {
  await mkdir(join(WORKSPACE, 'tmp'), { recursive: true });
  return mkdtemp(join(WORKSPACE, 'tmp', `${prefix}-`));
}

export function removeCopies(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true });
}

/** Replaces `from` with `to` in a copied file; throws when the file no longer holds `from` (the test would prove nothing). */
export async function editCopiedFile(path: string, from: string, to: string): Promise<void> {
  const source = await readFile(path, 'utf8');
  if (!source.includes(from)) throw new Error(`${path} has no "${from}" to change`);
  await writeFile(path, source.replace(from, to));
}
