import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';

import { runChecked } from '../shell/run';
import type { BaseImageRecipe } from './base-image';
import { filesUnder, packageFiles } from './host-files';

/** What node:24-bookworm-slim offers that the image recipe and the services rely on. */
const RUNTIME_PACKAGES = ['libc6', 'libgcc-s1', 'libstdc++6', 'dash', 'coreutils'];
const SEARCH_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * A stand-in for the official Node image, from this machine's `node` and `npm`: the whole C and
 * C++ runtime (native modules such as Nx's load libutil, librt, …), a shell and coreutils for
 * RUN steps, the CA bundle (npm behind a TLS-inspecting proxy), and the `node` user (uid 1000).
 */
export async function nodeImageRecipe(): Promise<BaseImageRecipe> {
  const node = realpathSync(process.execPath);
  const npmCli = realpathSync((await runChecked('sh', ['-c', 'command -v npm'])).trim());
  const npmPackage = dirname(dirname(npmCli));
  const packages = await Promise.all(RUNTIME_PACKAGES.map(packageFiles));
  return {
    repository: 'mesh-e2e/node',
    version: process.versions.node,
    content: async () => ({
      hostFiles: [node, ...filesUnder(npmPackage), ...packages.flat(), '/etc/ssl/certs/ca-certificates.crt'],
      users: [{ name: 'node', uid: 1000, home: '/home/node' }],
      symlinks: [
        { path: '/usr/bin/sh', target: 'dash' },
        { path: '/usr/local/bin/node', target: node },
        { path: '/usr/local/bin/npm', target: `${npmPackage}/bin/npm-cli.js` },
        { path: '/usr/local/bin/npx', target: `${npmPackage}/bin/npx-cli.js` },
      ],
    }),
    changes: [`ENV PATH=${SEARCH_PATH}`, `ENV NODE_VERSION=${process.versions.node}`, 'CMD ["node"]'],
  };
}
