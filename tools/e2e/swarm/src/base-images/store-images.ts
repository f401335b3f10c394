import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BaseImageRecipe } from './base-image';
import { filesUnder, packageFiles, packageVersion } from './host-files';

const SEARCH_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Redis from Debian's redis-server package. Like the official image: user `redis` (999), data in
 * /data, `redis-server` as the command; a shell and grep for the stack's health check.
 */
export async function redisImageRecipe(): Promise<BaseImageRecipe> {
  const shell = await Promise.all(['dash', 'grep'].map(packageFiles));
  return {
    repository: 'mesh-e2e/redis',
    version: (await packageVersion('redis-server')).replace(/^\d+:/, '').replace(/[^\w.-]/g, '_'),
    content: async () => ({
      hostFiles: ['/usr/bin/redis-server', '/usr/bin/redis-cli', ...shell.flat()],
      users: [{ name: 'redis', uid: 999, home: '/data' }],
      directories: [{ path: '/data', uid: 999 }],
      symlinks: [{ path: '/usr/bin/sh', target: 'dash' }],
    }),
    changes: [`ENV PATH=${SEARCH_PATH}`, 'WORKDIR /data', 'USER redis', 'EXPOSE 6379', 'CMD ["redis-server"]'],
  };
}

/**
 * PostgreSQL from this machine's Debian packages (binaries, libraries and share files of the
 * newest installed major version) with an entry point that honours the parts of the official
 * image's contract the stack uses (see postgres-entrypoint.sh). The JIT provider is left out: it
 * would pull in LLVM, and PostgreSQL runs without JIT when it is missing.
 */
export async function postgresImageRecipe(): Promise<BaseImageRecipe> {
  const major = readdirSync('/usr/lib/postgresql')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))[0];
  if (!major) throw new Error('no PostgreSQL under /usr/lib/postgresql: apt-get install postgresql');
  const server = filesUnder(`/usr/lib/postgresql/${major}`).filter((file) => !/llvmjit/.test(file));
  const runtime = await Promise.all(['bash', 'dash', 'coreutils', 'tzdata'].map(packageFiles));
  return {
    repository: 'mesh-e2e/postgres',
    version: (await packageVersion(`postgresql-${major}`)).replace(/[^\w.-]/g, '_'),
    content: async () => ({
      // initdb's locale C.UTF-8 is a compiled locale of libc-bin.
      hostFiles: [
        ...server,
        ...filesUnder(`/usr/share/postgresql/${major}`),
        ...runtime.flat(),
        '/usr/bin/locale',
        ...filesUnder('/usr/lib/locale/C.utf8'),
      ],
      users: [{ name: 'postgres', uid: 999, home: '/var/lib/postgresql' }],
      directories: [
        { path: '/var/lib/postgresql/data', uid: 999, mode: 0o700 },
        { path: '/var/run/postgresql', uid: 999, mode: 0o2775 },
        { path: '/docker-entrypoint-initdb.d' },
      ],
      files: [
        {
          path: '/usr/local/bin/docker-entrypoint.sh',
          content: readFileSync(join(__dirname, 'postgres-entrypoint.sh'), 'utf8'),
          mode: 0o755,
        },
      ],
      symlinks: [{ path: '/usr/bin/sh', target: 'dash' }],
    }),
    changes: [
      `ENV PATH=/usr/lib/postgresql/${major}/bin:${SEARCH_PATH}`,
      'ENV PGDATA=/var/lib/postgresql/data',
      'USER postgres',
      'EXPOSE 5432',
      'ENTRYPOINT ["docker-entrypoint.sh"]',
      'CMD ["postgres"]',
    ],
  };
}
