import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { isElf, sharedLibraries } from './host-files';

/** A file from elsewhere (a build output, a package unpacked with dpkg-deb -x) and its path in the image. */
export interface PlacedFile {
  readonly source: string;
  readonly path: string;
}

export interface RootfsContent {
  /** Files from this machine, at the same path in the image. */
  readonly hostFiles: readonly string[];
  readonly placedFiles?: readonly PlacedFile[];
  /** Directories of unpacked libraries that placed files need; found ones go to /usr/lib/x86_64-linux-gnu. */
  readonly libraryPath?: readonly string[];
  readonly users: readonly { name: string; uid: number; home: string }[];
  readonly directories?: readonly { path: string; uid?: number; mode?: number }[];
  readonly files?: readonly { path: string; content: string; mode?: number }[];
  readonly symlinks?: readonly { path: string; target: string }[];
}

/** Debian's merged /usr: /bin, /lib, /lib64 and /sbin are links into /usr, in the image as here. */
const MERGED_USR = ['bin', 'lib', 'lib64', 'sbin'];

/**
 * Lays out an image's root file system in `directory`: the given files plus every shared library
 * their ELF files need, users and groups, and the directories services write to.
 */
export async function writeRootfs(directory: string, content: RootfsContent): Promise<void> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, 'usr'), { recursive: true });
  for (const name of MERGED_USR) {
    mkdirSync(join(directory, 'usr', name), { recursive: true });
    symlinkSync(`usr/${name}`, join(directory, name));
  }
  const elfFiles = [...content.hostFiles, ...(content.placedFiles ?? []).map((file) => file.source)].filter(isElf);
  for (const file of content.hostFiles) copyInto(directory, file, file);
  for (const { source, path } of content.placedFiles ?? []) copyInto(directory, source, path, { followLink: true });
  const libraryPath = content.libraryPath ?? [];
  for (const library of await sharedLibraries(elfFiles, libraryPath)) {
    const unpacked = libraryPath.some((path) => library.startsWith(`${path}/`));
    const target = unpacked ? `/usr/lib/x86_64-linux-gnu/${basename(library)}` : library;
    copyInto(directory, library, target, { followLink: true });
  }
  writeAccounts(directory, content.users);
  for (const { path, uid = 0, mode = 0o755 } of content.directories ?? []) {
    mkdirSync(join(directory, path), { recursive: true });
    chownSync(join(directory, path), uid, uid);
    chmodSync(join(directory, path), mode);
  }
  for (const { path, content: text, mode = 0o644 } of content.files ?? []) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text, { mode });
    chmodSync(join(directory, path), mode);
  }
  for (const { path, target } of content.symlinks ?? []) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    rmSync(join(directory, path), { force: true });
    symlinkSync(target, join(directory, path));
  }
  mkdirSync(join(directory, 'tmp'), { recursive: true });
  chmodSync(join(directory, 'tmp'), 0o1777);
}

/**
 * Copies one file to `imagePath` in the root file system. The directory part is resolved as
 * this machine resolves it (merged /usr), so /lib/x86_64-linux-gnu/libc.so.6 lands in /usr/lib.
 */
function copyInto(directory: string, source: string, imagePath: string, options: { followLink?: boolean } = {}): void {
  const hostDirectory = existsSync(dirname(imagePath)) ? realpathSync(dirname(imagePath)) : dirname(imagePath);
  const target = join(directory, hostDirectory, basename(imagePath));
  if (existsSync(target) || isDanglingLink(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  const stat = lstatSync(source);
  // A link of this machine stays a link, and its target comes along (redis-server -> redis-check-rdb);
  // a link in an unpacked package is copied as the file it points to.
  if (stat.isSymbolicLink() && !options.followLink && source === imagePath) {
    symlinkSync(readlinkSync(source), target);
    copyInto(directory, realpathSync(source), realpathSync(source));
    return;
  }
  copyFileSync(source, target);
  chmodSync(target, statSync(source).mode & 0o7777);
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function writeAccounts(directory: string, users: RootfsContent['users']): void {
  const all = [{ name: 'root', uid: 0, home: '/root' }, ...users];
  const passwd = all.map(({ name, uid, home }) => `${name}:x:${uid}:${uid}:${name}:${home}:/bin/sh`);
  const group = all.map(({ name, uid }) => `${name}:x:${uid}:`);
  mkdirSync(join(directory, 'etc'), { recursive: true });
  writeFileSync(join(directory, 'etc/passwd'), `${passwd.join('\n')}\n`);
  writeFileSync(join(directory, 'etc/group'), `${group.join('\n')}\n`);
  writeFileSync(join(directory, 'etc/nsswitch.conf'), 'passwd: files\ngroup: files\nhosts: files dns\n');
  for (const { uid, home } of all) {
    mkdirSync(join(directory, home), { recursive: true });
    chownSync(join(directory, home), uid, uid);
  }
}
