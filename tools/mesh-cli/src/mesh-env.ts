import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A variable from the environment, else from the .mesh/env that `npm run infra:up` wrote. */
export function meshEnv(name: string, workspaceRoot = process.cwd()): string | undefined {
  if (process.env[name]) return process.env[name];
  const file = join(workspaceRoot, '.mesh', 'env');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const separator = line.indexOf('=');
    if (separator > 0 && line.slice(0, separator) === name) return line.slice(separator + 1).trim();
  }
  return undefined;
}
