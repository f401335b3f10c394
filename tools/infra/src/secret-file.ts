import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file that holds a secret (a key, a password, a URL with one): readable and writable by
 * its owner only (0600) whatever the umask, also where the file was there before with a wider
 * mode. Written whole, then renamed over the old one, so that no reader sees half of it.
 */
export function writeSecretFile(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
