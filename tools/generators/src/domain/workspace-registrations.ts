import { checkRegistry, MESH_REGISTRY_FILE, REGISTRY_FILES, REGISTRY_INPUTS, renderRegistryFiles } from '@mesh/infra';
import { readJson, type Tree, updateJson } from '@nx/devkit';

import type { DomainNames } from './domain-names';

/** Every file outside the new domain's folders that the generator may edit (the check script backs them up). */
export const REGISTRATION_FILES: readonly string[] = [
  'tsconfig.base.json',
  MESH_REGISTRY_FILE,
  ...REGISTRY_FILES.map((file) => file.output),
];

/** What a registration did, for the generator's summary; when not `done`, `detail` says what to do by hand. */
export interface Registration {
  file: string;
  done: boolean;
  detail: string;
}

/** `@mesh/<name>-contracts` in tsconfig.base.json, as every contracts library. */
export function registerContractsPath(tree: Tree, domain: DomainNames): Registration {
  const importPath = `@mesh/${domain.name}-contracts`;
  updateJson(tree, 'tsconfig.base.json', (json: { compilerOptions: { paths?: Record<string, string[]> } }) => {
    json.compilerOptions.paths = {
      ...json.compilerOptions.paths,
      [importPath]: [`./libs/${domain.name}/contracts/src/index.ts`],
    };
    return json;
  });
  return { file: 'tsconfig.base.json', done: true, detail: `path ${importPath}` };
}

/**
 * The domain in the mesh registry: `npm run infra:up` then creates its database and writes its URL
 * to .mesh/env, and `npm start` runs it on its port, with its product in the catalog.
 */
export function registerMeshDomain(tree: Tree, domain: DomainNames, store: 'postgres' | 'mongo', port: number): Registration {
  const entry = { name: domain.name, port, store };
  if (!tree.exists(MESH_REGISTRY_FILE)) {
    return {
      file: MESH_REGISTRY_FILE,
      done: false,
      detail: `domain ${domain.name}: not registered (no such file); add ${JSON.stringify(entry)} to its domains, then run npm run mesh -- generate`,
    };
  }
  updateJson(tree, MESH_REGISTRY_FILE, (registry: { domains: unknown[] }) => ({
    ...registry,
    domains: [...registry.domains, entry],
  }));
  return {
    file: MESH_REGISTRY_FILE,
    done: true,
    detail: `domain ${domain.name} on port ${port} with its ${store} database (npm run infra:up, npm start, the catalog)`,
  };
}

/**
 * Every file generated from mesh.json (the Swarm stack, its FerretDB variant, the gateway, the
 * mesh's products list), rendered again from the registry the generator just extended: the
 * domain's service, store network, secrets, gateway port and product all follow from its entry.
 */
export function registerGeneratedFiles(tree: Tree): Registration[] {
  // Without a registry there is nothing to render from; registerMeshDomain says what to do.
  if (!tree.exists(MESH_REGISTRY_FILE)) return [];
  const registry = checkRegistry(readJson(tree, MESH_REGISTRY_FILE), MESH_REGISTRY_FILE);
  const missing = REGISTRY_INPUTS.filter((path) => !tree.exists(path));
  if (missing.length > 0) {
    return REGISTRY_FILES.map((file) => ({
      file: file.output,
      done: false,
      detail: `not rendered (${missing.join(', ')} missing); restore it, then run npm run mesh -- generate`,
    }));
  }
  return renderRegistryFiles(registry, (path) => tree.read(path, 'utf-8') ?? '')
    .filter(({ path, content }) => tree.read(path, 'utf-8') !== content)
    .map(({ path, content }) => {
      tree.write(path, content);
      return { file: path, done: true, detail: 'rendered from mesh.json (npm run mesh -- generate)' };
    });
}
