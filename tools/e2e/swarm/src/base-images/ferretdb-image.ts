import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runChecked } from '../shell/run';
import { WORKSPACE_ROOT } from '../workspace';
import type { BaseImageRecipe } from './base-image';
import { packageFiles } from './host-files';

const FERRETDB_DIR = join(WORKSPACE_ROOT, 'tools', 'ferretdb');
const FERRETDB_VERSION = '1.24.2';

/**
 * The MongoDB-compatible server of this machine (tools/ferretdb, FerretDB v1 with its SQLite
 * handler, a static binary) behind an entry point that reads the official FerretDB image's
 * variables. Data in /state as in that image, or wherever FERRETDB_SQLITE_URL points.
 */
export async function ferretdbImageRecipe(log: (line: string) => void): Promise<BaseImageRecipe> {
  const binary = await ferretdbBinary(log);
  return {
    repository: 'mesh-e2e/ferretdb',
    version: FERRETDB_VERSION,
    content: async () => ({
      hostFiles: await packageFiles('dash'),
      placedFiles: [{ source: binary, path: '/usr/local/bin/ferretdb' }],
      users: [{ name: 'ferretdb', uid: 1000, home: '/state' }],
      directories: [
        { path: '/state', uid: 1000 },
        { path: '/data/db', uid: 1000 },
      ],
      files: [
        {
          path: '/usr/local/bin/ferretdb-entrypoint.sh',
          content: readFileSync(join(__dirname, 'ferretdb-entrypoint.sh'), 'utf8'),
          mode: 0o755,
        },
      ],
      symlinks: [{ path: '/usr/bin/sh', target: 'dash' }],
    }),
    changes: ['USER ferretdb', 'EXPOSE 27017', 'ENTRYPOINT ["/usr/local/bin/ferretdb-entrypoint.sh"]'],
  };
}

/**
 * tools/ferretdb/bin/ferretdb, which `npm run infra:up` builds; built here the same way
 * (static, CGO off) on a machine where it was never needed.
 */
async function ferretdbBinary(log: (line: string) => void): Promise<string> {
  const binary = join(FERRETDB_DIR, 'bin', 'ferretdb');
  if (existsSync(binary)) return binary;
  log(`building ${binary} with Go (as tools/infra does)`);
  const go = existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
  await runChecked(go, ['build', '-o', binary, '.'], { cwd: FERRETDB_DIR, env: { ...process.env, CGO_ENABLED: '0' } });
  return binary;
}
