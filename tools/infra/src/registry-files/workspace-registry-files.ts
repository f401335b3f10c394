import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { readMeshRegistry } from '../mesh-registry';
import { WORKSPACE_ROOT } from '../options';
import { renderRegistryFiles } from './registry-files';

/** The generated files of the workspace at `root` that differ from what its mesh.json renders (or are missing). */
export function staleRegistryFiles(root = WORKSPACE_ROOT): string[] {
  return rendered(root)
    .filter(({ path, content }) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf-8') !== content)
    .map(({ path }) => path);
}

/** Writes every generated file of the workspace at `root` that changed. @returns their paths. */
export function writeRegistryFiles(root = WORKSPACE_ROOT): string[] {
  const stale = new Set(staleRegistryFiles(root));
  const files = rendered(root).filter(({ path }) => stale.has(path));
  for (const { path, content } of files) writeFileSync(join(root, path), content);
  return files.map(({ path }) => path);
}

function rendered(root: string) {
  return renderRegistryFiles(readMeshRegistry(root), (path) => readFileSync(join(root, path), 'utf-8'));
}
