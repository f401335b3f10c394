import { type Tree, updateJson } from '@nx/devkit';

import type { DomainNames } from './domain-names';
import { GATEWAY_CONFIG_FILE, haproxyWithDomain } from './gateway-registration';
import { FERRETDB_STACK_FILE, ferretdbStackWithDomain, STACK_FILE, stackWithDomain } from './stack-registration';

/** The mesh registry (its single list of domains) at the workspace root. */
export const MESH_REGISTRY_FILE = 'mesh.json';

/** Every file outside the new domain's folders that the generator may edit (the check script backs them up). */
export const REGISTRATION_FILES = [
  'tsconfig.base.json',
  MESH_REGISTRY_FILE,
  'tools/mesh-cli/src/products.ts',
  STACK_FILE,
  FERRETDB_STACK_FILE,
  GATEWAY_CONFIG_FILE,
] as const;

/** What a registration did, for the generator's summary; `skipped` says what to do by hand. */
export interface Registration {
  file: string;
  done: boolean;
  detail: string;
}

type Edit = (content: string) => string | undefined;

/** Applies `edit` to `file` when both exist and the anchor it looks for is there. */
function register(tree: Tree, file: string, what: string, manual: string, edit: Edit): Registration {
  const content = tree.exists(file) ? tree.read(file, 'utf-8') : null;
  const edited = content === null ? undefined : edit(content);
  if (content === null || edited === undefined) {
    return {
      file,
      done: false,
      detail: `${what}: not registered (${content === null ? 'no such file' : 'anchor not found'}); ${manual}`,
    };
  }
  tree.write(file, edited);
  return { file, done: true, detail: what };
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
      detail: `domain ${domain.name}: not registered (no such file); add ${JSON.stringify(entry)} to its domains`,
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

/** The product in the mesh's list of products, from which the Redis ACL users and dev tokens are made. */
export function registerMeshProduct(tree: Tree, domain: DomainNames): Registration {
  const product = `${domain.propertyName}Product`;
  return register(
    tree,
    'tools/mesh-cli/src/products.ts',
    `${product} in meshProducts (Redis ACL user, dev tokens)`,
    `import ${product} from @mesh/${domain.name}-contracts there and add it to meshProducts`,
    (content) => {
      const list = /(export const meshProducts\b[^=]*=\s*\[)([^\]]*)(\])/.exec(content);
      if (!list) return undefined;
      const entries = list[2].trimEnd();
      const separator = entries === '' || entries.endsWith(',') ? '' : ',';
      const entry = list[2].includes('\n')
        ? `${separator}\n  ${product},\n`
        : `${separator}${entries === '' ? '' : ' '}${product}`;
      const start = list.index + list[1].length;
      const withEntry = content.slice(0, start) + entries + entry + content.slice(start + list[2].length);
      return insertImport(withEntry, `import { ${product} } from '@mesh/${domain.name}-contracts';`);
    },
  );
}

/**
 * The service in the Swarm stack (with its store network, secrets, and the store making its user),
 * its API on the gateway, and for MongoDB FerretDB on its store network in the FerretDB variant.
 */
export function registerStackService(
  tree: Tree,
  domain: DomainNames,
  store: 'postgres' | 'mongo',
  port: number,
): Registration[] {
  const service = register(
    tree,
    STACK_FILE,
    `service ${domain.name}, network ${domain.name}-store, its secrets and its port ${port} on the gateway for docker stack deploy`,
    `add a service ${domain.name} like orders there, with its store network and secrets`,
    (content) => stackWithDomain(content, domain, store, port),
  );
  if (!service.done) return [service];
  const gateway = register(
    tree,
    GATEWAY_CONFIG_FILE,
    `frontend :${port} and backend tasks.${domain.name}:${port} on the gateway`,
    `add a frontend on :${port} and a backend for tasks.${domain.name}:${port} there`,
    (content) => haproxyWithDomain(content, domain, port),
  );
  if (store === 'postgres') return [service, gateway];
  const ferretdb = register(
    tree,
    FERRETDB_STACK_FILE,
    `ferretdb on the ${domain.name}-store network (FerretDB instead of MongoDB)`,
    `add ${domain.name}-store to the networks of the ferretdb service there`,
    (content) => ferretdbStackWithDomain(content, domain),
  );
  return [service, gateway, ferretdb];
}

/**
 * Adds an import line where the workspace's lint (simple-import-sort) wants it: among the imports of
 * its group (packages, or relative files), before the first whose module sorts after its own.
 */
function insertImport(content: string, line: string): string {
  const moduleOf = (statement: string) => /from '([^']+)';$/.exec(statement)?.[1] ?? '';
  const isRelative = (module: string) => module.startsWith('.');
  const added = moduleOf(line);
  const imports = [...content.matchAll(/^import [^;]+;$/gm)];
  const group = imports.filter((found) => isRelative(moduleOf(found[0])) === isRelative(added));
  const next = group.find((found) => moduleOf(found[0]).localeCompare(added, 'en', { sensitivity: 'base' }) > 0);
  if (next) return `${content.slice(0, next.index)}${line}\n${content.slice(next.index)}`;
  const last = group[group.length - 1] ?? imports[imports.length - 1];
  if (!last) return `${line}\n${content}`;
  const at = last.index + last[0].length;
  return `${content.slice(0, at)}\n${line}${content.slice(at)}`;
}
