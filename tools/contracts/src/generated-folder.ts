import type { ContractArtifact } from '@mesh/contract-kit';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** The files now in a generated folder, by `/`-separated relative path; empty when it does not exist. */
export async function readGeneratedFolder(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path).split(sep).join('/'), await readFile(path, 'utf8'));
  }
  return files;
}

export interface FolderChanges {
  written: string[];
  removed: string[];
  unchanged: number;
}

/** Makes the folder hold exactly the artifacts: writes what differs, removes what is no longer generated. */
export async function syncGeneratedFolder(
  folder: string,
  artifacts: readonly ContractArtifact[],
): Promise<FolderChanges> {
  const existing = await readGeneratedFolder(folder);
  const changes: FolderChanges = { written: [], removed: [], unchanged: 0 };
  for (const artifact of artifacts) {
    if (existing.get(artifact.path) === artifact.content) {
      changes.unchanged += 1;
      continue;
    }
    const path = join(folder, artifact.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, artifact.content);
    changes.written.push(artifact.path);
  }
  const wanted = new Set(artifacts.map((artifact) => artifact.path));
  for (const path of existing.keys()) {
    if (wanted.has(path)) continue;
    await rm(join(folder, path));
    // Drop the folder it was in once empty (odcs/, schemas/); a folder with files stays.
    await rmdir(dirname(join(folder, path))).catch(() => undefined);
    changes.removed.push(path);
  }
  return changes;
}
