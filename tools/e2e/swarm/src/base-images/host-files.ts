import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { runChecked } from '../shell/run';

/** What a slim image leaves out of a package: documentation, headers, translations. */
const SKIPPED = [/^\/usr\/share\/(doc|man|info|lintian|locale|bug)\//, /^\/usr\/include\//];

/** The files (not directories) an installed Debian package put on this machine. */
export async function packageFiles(name: string): Promise<string[]> {
  const listing = await runChecked('dpkg', ['-L', name]).catch((error: unknown) => {
    throw new Error(`Debian package ${name} is not installed here (apt-get install ${name})`, { cause: error });
  });
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((path) => path.startsWith('/') && !SKIPPED.some((pattern) => pattern.test(path)))
    .filter((path) => existsSync(path) && !lstatSync(path).isDirectory());
}

/** `Version` of an installed package: part of a base image's tag, so an upgrade makes a new image. */
export async function packageVersion(name: string): Promise<string> {
  return (await runChecked('dpkg-query', ['-W', '-f', '${Version}', name])).trim();
}

/** Every file under a directory (symbolic links included, not followed). */
export function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** An ELF executable or library (a link counts as what it points to). */
export function isElf(path: string): boolean {
  const stat = statSync(path);
  if (!stat.isFile() || stat.size < 4) return false;
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    readSync(fd, magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  } finally {
    closeSync(fd);
  }
}

/**
 * The shared libraries (and the loader) that these ELF files need, transitively, as `ldd`
 * resolves them on this machine. `libraryPath` adds directories (libraries unpacked from a
 * package that is not installed). A library ldd cannot find is an error naming it.
 */
export async function sharedLibraries(
  elfFiles: readonly string[],
  libraryPath: readonly string[] = [],
): Promise<string[]> {
  const libraries = new Set<string>();
  const missing: string[] = [];
  const env = libraryPath.length > 0 ? { ...process.env, LD_LIBRARY_PATH: libraryPath.join(':') } : process.env;
  // ldd takes many files at once; a static binary makes it exit 1, which is fine here.
  for (let start = 0; start < elfFiles.length; start += 200) {
    const batch = elfFiles.slice(start, start + 200);
    const output = await runChecked('sh', ['-c', 'ldd "$@" 2>&1 || true', 'ldd', ...batch], { env });
    for (const line of output.split('\n')) {
      const resolved = /=>\s+(\/\S+)/.exec(line) ?? /^\s+(\/\S+)\s+\(0x/.exec(line);
      if (resolved) libraries.add(resolved[1]);
      else if (/=>\s+not found/.test(line)) missing.push(line.trim());
    }
  }
  if (missing.length > 0)
    throw new Error(`shared libraries not found on this machine: ${[...new Set(missing)].join(', ')}`);
  return [...libraries];
}
