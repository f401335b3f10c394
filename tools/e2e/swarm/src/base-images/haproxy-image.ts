import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { aptGet } from '../machine/debian-packages';
import { runChecked } from '../shell/run';
import type { BaseImageRecipe } from './base-image';
import { packageFiles } from './host-files';

/**
 * HAProxy is not installed here, and installing it would leave a service behind: its Debian
 * package and the libraries it needs beyond this machine's are downloaded (`apt-get download`,
 * no installation) and unpacked. These are the ones bookworm's haproxy links that a server
 * without it lacks; a missing one makes the image build fail naming the library.
 */
const PACKAGES = ['haproxy', 'liblua5.3-0', 'libopentracing-c-wrapper0', 'libopentracing1'];

/**
 * The gateway's image, like the official `haproxy` one: the binary, user `haproxy`, the
 * configuration at /usr/local/etc/haproxy/haproxy.cfg (a Swarm config in the stack), and bash
 * for the stack's TCP health check.
 */
export async function haproxyImageRecipe(workDirectory: string): Promise<BaseImageRecipe> {
  const versions = await Promise.all(PACKAGES.map(candidateVersion));
  return {
    repository: 'mesh-e2e/haproxy',
    version: versions[0].replace(/^\d+:/, '').replace(/[^\w.-]/g, '_'),
    identity: PACKAGES.map((name, index) => `${name}=${versions[index]}`).join(' '),
    content: async () => {
      const root = await downloadAndUnpack(PACKAGES, join(workDirectory, 'haproxy-debs'));
      return {
        hostFiles: (await Promise.all(['bash', 'dash'].map(packageFiles))).flat(),
        placedFiles: [{ source: join(root, 'usr/sbin/haproxy'), path: '/usr/local/sbin/haproxy' }],
        libraryPath: [join(root, 'usr/lib/x86_64-linux-gnu')],
        users: [{ name: 'haproxy', uid: 99, home: '/var/lib/haproxy' }],
        directories: [{ path: '/var/lib/haproxy', uid: 99 }, { path: '/usr/local/etc/haproxy' }],
        symlinks: [{ path: '/usr/bin/sh', target: 'dash' }],
      };
    },
    changes: [
      'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'USER haproxy',
      'CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]',
    ],
  };
}

/** The version `apt-get download` would fetch, without fetching it. */
async function candidateVersion(name: string): Promise<string> {
  const candidate = async () => /Candidate:\s*(\S+)/.exec(await runChecked('apt-cache', ['policy', name]))?.[1];
  let version = await candidate();
  if (!version || version === '(none)') {
    // A machine that never ran `apt-get update` has no package lists.
    await aptGet(['update', '-qq']);
    version = await candidate();
  }
  if (!version || version === '(none)')
    throw new Error(`apt knows no version of ${name} (Debian bookworm's main archive has it)`);
  return version;
}

async function downloadAndUnpack(packages: readonly string[], directory: string): Promise<string> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, 'root'), { recursive: true });
  await aptGet(['download', ...packages], { cwd: directory });
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.deb'))) {
    await runChecked('dpkg-deb', ['-x', join(directory, file), join(directory, 'root')]);
  }
  return join(directory, 'root');
}
