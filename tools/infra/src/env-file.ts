import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { writeSecretFile } from './secret-file';

const HEADER =
  '# Store URLs and the development token issuer, by `npm run infra:up` (tools/infra). Variables set in the environment win.';

export function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // Same grammar as tools/jest/load-mesh-env.cjs, which reads this file into jest.
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]] = match[2];
  }
  return values;
}

/** Writes KEY=VALUE lines (mode 0600); an empty set removes the file so no stale URL is left behind. */
export function writeEnvFile(file: string, values: Record<string, string>, header = HEADER): void {
  const keys = Object.keys(values).sort();
  if (keys.length === 0) {
    rmSync(file, { force: true });
    return;
  }
  for (const key of keys) {
    if (/[\r\n]/.test(values[key])) throw new Error(`${key} holds a line break; .mesh/env cannot store it`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const text = [header, ...keys.map((key) => `${key}=${values[key]}`)].join('\n') + '\n';
  // Owner-only: store URLs may carry passwords.
  writeSecretFile(file, text);
}

export function removeEnvKeys(file: string, keys: readonly string[]): void {
  const values = readEnvFile(file);
  for (const key of keys) delete values[key];
  writeEnvFile(file, values);
}
