import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * `npm run infra:up` writes the store URLs it resolved to `.mesh/env` at the workspace root.
 * Loading that file lets `nx serve <domain>` find the stores with no variables to export.
 * Variables already in the environment win, and a production process (NODE_ENV=production,
 * as in the image) never reads it: there, configuration comes from the environment only.
 * @returns the file that was loaded, if any.
 */
export function loadLocalInfraEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  if (env['NODE_ENV'] === 'production') return undefined;
  const file = env['MESH_ENV_FILE'] || join(cwd, '.mesh', 'env');
  if (!existsSync(file)) return undefined;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] === undefined || env[name] === '') env[name] = value;
  }
  return file;
}
