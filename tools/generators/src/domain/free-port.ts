import { type Tree, visitNotIgnoredFiles } from '@nx/devkit';

/** Ports up to this one belong to the sample domains and the catalog. */
const LAST_RESERVED_PORT = 3004;

/** Where `npm start` lists the services with their ports. */
const MESH_SERVICES_FILE = 'tools/mesh-start/src/mesh-services.ts';

/**
 * The ports the services of the workspace use: the default port each declares in its root module
 * (`defaultPort: 3001`), and those `npm start` runs them on.
 */
export function usedServicePorts(tree: Tree): Map<number, string> {
  const used = new Map<number, string>();
  const started = tree.exists(MESH_SERVICES_FILE) ? (tree.read(MESH_SERVICES_FILE, 'utf-8') ?? '') : '';
  for (const match of started.matchAll(/name: '([^']+)', port: (\d+)/g)) used.set(Number(match[2]), match[1]);
  if (!tree.exists('apps')) return used;
  visitNotIgnoredFiles(tree, 'apps', (path) => {
    if (!path.endsWith('.module.ts')) return;
    for (const match of (tree.read(path, 'utf-8') ?? '').matchAll(/defaultPort:\s*(\d+)/g)) {
      used.set(Number(match[1]), path.split('/')[1]);
    }
  });
  return used;
}

/** `requested`, when no service has it, else the first port above 3004 that no service uses. */
export function choosePort(tree: Tree, requested: number | undefined): number {
  const used = usedServicePorts(tree);
  if (requested !== undefined) {
    const owner = used.get(requested);
    if (owner !== undefined) throw new Error(`port ${requested} is already the default port of ${owner}; choose another`);
    return requested;
  }
  let port = LAST_RESERVED_PORT + 1;
  while (used.has(port)) port += 1;
  return port;
}
