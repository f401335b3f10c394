import { MESH_REGISTRY_FILE } from '@mesh/infra';
import { readJson, type Tree } from '@nx/devkit';

/** Ports up to this one belong to the sample domains and the catalog. */
const LAST_RESERVED_PORT = 3004;

interface RegistryPorts {
  domains?: Array<{ name: string; port: number }>;
  catalog?: { port: number };
}

/** The ports the services of the workspace listen on: those of the mesh registry, the one list of them. */
export function usedServicePorts(tree: Tree): Map<number, string> {
  const used = new Map<number, string>();
  const registry: RegistryPorts = tree.exists(MESH_REGISTRY_FILE) ? readJson(tree, MESH_REGISTRY_FILE) : {};
  for (const { name, port } of registry.domains ?? []) used.set(port, name);
  if (registry.catalog) used.set(registry.catalog.port, 'catalog');
  return used;
}

/** `requested`, when no service has it, else the first port above 3004 that no service uses. */
export function choosePort(tree: Tree, requested: number | undefined): number {
  const used = usedServicePorts(tree);
  if (requested !== undefined) {
    const owner = used.get(requested);
    if (owner !== undefined) throw new Error(`port ${requested} is already the port of ${owner}; choose another`);
    return requested;
  }
  let port = LAST_RESERVED_PORT + 1;
  while (used.has(port)) port += 1;
  return port;
}
