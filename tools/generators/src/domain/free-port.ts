import { MESH_REGISTRY_FILE } from '@mesh/infra';
import { readJson, type Tree, visitNotIgnoredFiles } from '@nx/devkit';

/** Ports up to this one belong to the sample domains and the catalog. */
const LAST_RESERVED_PORT = 3004;

interface RegistryPorts {
  domains?: Array<{ name: string; port: number }>;
  catalog?: { port: number };
}

/**
 * The ports the services of the workspace use: those of the mesh registry, and the default port
 * each app declares in its root module (`defaultPort: 3001`).
 */
export function usedServicePorts(tree: Tree): Map<number, string> {
  const used = new Map<number, string>();
  const registry: RegistryPorts = tree.exists(MESH_REGISTRY_FILE) ? readJson(tree, MESH_REGISTRY_FILE) : {};
  for (const { name, port } of registry.domains ?? []) used.set(port, name);
  if (registry.catalog) used.set(registry.catalog.port, 'catalog');
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
