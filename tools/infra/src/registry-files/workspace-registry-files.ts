import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { readMeshRegistry } from '../mesh-registry';
import { WORKSPACE_ROOT } from '../options';
import { renderRegistryFiles } from './registry-files';

/** The generated files of the workspace at `root` that differ from what its mesh.json renders (or are missing). */
export function staleRegistryFiles(root = WORKSPACE_ROOT): string[] {
  return staleRendered(root).map(({ path }) => path);
}

/** Writes every generated file of the workspace at `root` that changed. @returns their paths. */
export function writeRegistryFiles(root = WORKSPACE_ROOT): string[] {
  const stale = staleRendered(root);
  for (const { path, content } of stale) writeFileSync(join(root, path), content);
  return stale.map(({ path }) => path);
}

function staleRendered(root: string): Array<{ path: string; content: string }> {
  const read = (path: string) => readFileSync(join(root, path), 'utf-8');
  return renderRegistryFiles(readMeshRegistry(root), read).filter(
    ({ path, content }) => !existsSync(join(root, path)) || read(path) !== content,
  );
}
