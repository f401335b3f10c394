import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { docker, dockerResult, imageExists } from '../shell/docker';
import { runChecked } from '../shell/run';
import { type RootfsContent, writeRootfs } from './rootfs';

/** A base image made from files of this machine: no registry is needed (or reachable) here. */
export interface BaseImageRecipe {
  /** e.g. `mesh-e2e/node`. */
  readonly repository: string;
  /** The main program's version, first part of the tag. */
  readonly version: string;
  /** Dockerfile instructions for `docker import --change` (ENV, USER, CMD, …). */
  readonly changes: readonly string[];
  readonly content: () => Promise<RootfsContent>;
  /**
   * What the image is made of, said cheaply (package versions), when working out the content
   * costs more (a download). Without it the tag comes from the content itself.
   */
  readonly identity?: string;
}

/**
 * The image's reference, importing it first unless an image with the same tag exists. The tag
 * ends with a hash of the recipe and of the size and time of every file it takes, so a package
 * upgrade or a rebuilt binary makes a new image and an unchanged machine reuses the old one.
 */
export async function ensureBaseImage(
  recipe: BaseImageRecipe,
  workDirectory: string,
): Promise<{ reference: string; built: boolean }> {
  const content = recipe.identity === undefined ? await recipe.content() : undefined;
  const reference = `${recipe.repository}:${recipe.version}-${fingerprint(recipe, content)}`;
  if (await imageExists(reference)) {
    await removeOtherTags(recipe.repository, reference);
    return { reference, built: false };
  }
  const directory = join(workDirectory, recipe.repository.replace(/\W+/g, '-'));
  mkdirSync(directory, { recursive: true });
  const rootfs = join(directory, 'rootfs');
  const archive = join(directory, 'rootfs.tar');
  try {
    await writeRootfs(rootfs, content ?? (await recipe.content()));
    await runChecked('tar', ['--numeric-owner', '-C', rootfs, '-cf', archive, '.']);
    await docker(['import', ...recipe.changes.flatMap((change) => ['--change', change]), archive, reference]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  await removeOtherTags(recipe.repository, reference);
  return { reference, built: true };
}

/** Earlier imports of the same image are stale: their inputs changed. One in use stays. */
async function removeOtherTags(repository: string, keep: string): Promise<void> {
  const references = (await docker(['images', repository, '--format', '{{.Repository}}:{{.Tag}}'])).split('\n');
  const stale = references.filter((reference) => reference.trim() && reference !== keep);
  if (stale.length > 0) await dockerResult(['rmi', ...stale]);
}

function fingerprint(recipe: BaseImageRecipe, content: RootfsContent | undefined): string {
  const hash = createHash('sha256').update(JSON.stringify({ ...recipe, content }));
  if (!content) return hash.digest('hex').slice(0, 12);
  const { hostFiles, placedFiles = [] } = content;
  for (const file of [...hostFiles, ...placedFiles.map((placed) => placed.source)]) {
    const stat = statSync(file);
    hash.update(`${file}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}
