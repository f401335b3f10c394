import { type Tree, updateJson } from '@nx/devkit';

import type { DomainNames } from './domain-names';
import { GATEWAY_CONFIG_FILE, haproxyWithDomain } from './gateway-registration';
import { FERRETDB_STACK_FILE, ferretdbStackWithDomain, STACK_FILE, stackWithDomain } from './stack-registration';

/** Every file outside the new domain's folders that the generator may edit (the check script backs them up). */
export const REGISTRATION_FILES = [
  'tsconfig.base.json',
  'tools/infra/src/stores/postgres.ts',
  'tools/infra/src/stores/mongo.ts',
  'tools/mesh-start/src/mesh-services.ts',
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

/** The database in tools/infra's list, so `npm run infra:up` creates it and writes its URL to .mesh/env. */
export function registerPostgresDatabase(tree: Tree, domain: DomainNames): Registration {
  const variable = `${domain.constantName}_DATABASE_URL`;
  const entry = `${variable}: '${domain.databaseName}'`;
  return register(
    tree,
    'tools/infra/src/stores/postgres.ts',
    `database ${domain.databaseName} (${variable}) for npm run infra:up`,
    `add ${entry} to DATABASES there, or set ${variable} yourself`,
    (content) => insertIntoObjectLiteral(content, /const DATABASES = \{([^}]*)\} as const;/, entry),
  );
}

/** The database URL next to CUSTOMERS_MONGODB_URL in what tools/infra writes to .mesh/env. */
export function registerMongoDatabase(tree: Tree, domain: DomainNames): Registration {
  const variable = `${domain.constantName}_MONGODB_URL`;
  const anchor = 'CUSTOMERS_MONGODB_URL: url';
  const helperImport = "import { withDatabase } from './postgres-databases';";
  return register(
    tree,
    'tools/infra/src/stores/mongo.ts',
    `${variable} (database ${domain.databaseName} on the MongoDB server) for npm run infra:up`,
    `set ${variable} yourself (MongoDB creates the database on first write)`,
    (content) => {
      if (!content.includes(anchor)) return undefined;
      // MongoDB creates a database on its first write: only its URL is needed, on the same server.
      let edited = content.split(anchor).join(`${anchor}, ${variable}: withDatabase(url, '${domain.databaseName}')`);
      if (!edited.includes(helperImport)) edited = insertImport(edited, helperImport);
      return edited;
    },
  );
}

/** The service in the list `npm start` runs. */
export function registerMeshService(tree: Tree, domain: DomainNames, port: number): Registration {
  return register(
    tree,
    'tools/mesh-start/src/mesh-services.ts',
    `service ${domain.name} on port ${port} for npm start (and in the catalog's products)`,
    `add { name: '${domain.name}', port: ${port} } to MESH_SERVICES there`,
    (content) => {
      const list = /(export const MESH_SERVICES\b[^=]*=\s*\[)([\s\S]*?)(\n\];)/.exec(content);
      if (!list) return undefined;
      const at = list.index + list[1].length + list[2].length;
      const listed = `${content.slice(0, at)}\n  { name: '${domain.name}', port: ${port} },${content.slice(at)}`;
      // The catalog that npm start runs reads the products listed here.
      return listed.replace(/(CATALOG_PRODUCTS: '[^']*)'/, `$1,http://127.0.0.1:${port}'`);
    },
  );
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

/** Adds `entry` as the last property of the object literal that `pattern` (group 1 = its body) finds. */
function insertIntoObjectLiteral(content: string, pattern: RegExp, entry: string): string | undefined {
  const found = pattern.exec(content);
  if (!found) return undefined;
  const body = found[1];
  const bodyStart = found.index + found[0].indexOf(body);
  const kept = body.trimEnd();
  const separator = kept.endsWith(',') || kept.endsWith('{') || kept === '' ? '' : ',';
  const replacement = body.includes('\n') ? `${kept}${separator}\n  ${entry},\n` : `${kept}${separator} ${entry} `;
  return content.slice(0, bodyStart) + replacement + content.slice(bodyStart + body.length);
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
