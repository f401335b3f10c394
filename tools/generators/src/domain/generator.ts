import { generateFiles, getProjects, logger, type Tree } from '@nx/devkit';
import { join } from 'node:path';

import { describeConsumedStream } from './consumed-stream';
import { CONTRACT_TOOL, writeContractArtifacts } from './contract-artifacts';
import { type DomainNames, domainNames } from './domain-names';
import { choosePort } from './free-port';
import type { DomainGeneratorSchema } from './schema';
import { sortGeneratedImports } from './sorted-imports';
import {
  registerContractsPath,
  registerGeneratedFiles,
  registerMeshDomain,
  type Registration,
} from './workspace-registrations';

/** The oldest timestamp a migration of a new domain may carry: after those of @mesh/messaging. */
const FIRST_MIGRATION_TIMESTAMP = 1795588226594;

/**
 * `nx g @mesh/tools:domain <name> --store=postgres|mongo [--port] [--consumes]`: a working
 * domain, small but complete. It follows apps/orders (PostgreSQL) or apps/customers (MongoDB):
 * an HTTP resource whose writes carry their event through the outbox, a consumer of another
 * domain's stream through the inbox, a contracts library with the event and the product
 * manifest, tests against the real stores, and the registrations that let infra, `npm start`
 * and module boundaries know the domain.
 */
export async function domainGenerator(tree: Tree, options: DomainGeneratorSchema): Promise<() => void> {
  const domain = domainNames(options.name);
  const store = options.store ?? 'postgres';
  if (store !== 'postgres' && store !== 'mongo')
    throw new Error(`--store must be postgres or mongo, not ${String(store)}`);
  assertFree(tree, domain);
  const port = choosePort(tree, options.port);
  const consumed = describeConsumedStream(options.consumes ?? 'orders.order.v1', domain.name);
  const migrationTimestamp = Math.max(Date.now(), FIRST_MIGRATION_TIMESTAMP);
  const contractArtifacts = tree.exists(CONTRACT_TOOL);

  const substitutions = {
    ...domain,
    store,
    port,
    consumed,
    aggregate: consumed.aggregate,
    migrationTimestamp,
    activityMigrationTimestamp: migrationTimestamp + 1,
    contractArtifacts,
    contractsImport: importStatement(
      consumed.events.map((event) => event.exportName),
      consumed.importPath,
    ),
    tmpl: '',
  };
  const files = join(__dirname, 'files');
  generateFiles(tree, join(files, 'contracts'), `libs/${domain.name}/contracts`, substitutions);
  generateFiles(tree, join(files, 'app'), `apps/${domain.name}`, substitutions);
  generateFiles(tree, join(files, `app-${store}`), `apps/${domain.name}`, substitutions);
  await sortGeneratedImports(tree, [`libs/${domain.name}/contracts`, `apps/${domain.name}`]);

  const registrations: Registration[] = [
    registerContractsPath(tree, domain),
    registerMeshDomain(tree, domain, store, port),
    ...registerGeneratedFiles(tree),
  ];
  return () => {
    // After the files are on disk: the tool evaluates the new contracts library to render them.
    if (contractArtifacts) registrations.push(writeContractArtifacts(tree.root, domain));
    report(domain, store, port, consumed.stream, registrations);
  };
}

/** One line when it fits in 120 characters, else one name per line. */
function importStatement(names: string[], from: string): string {
  const line = `import { ${names.join(', ')} } from '${from}';`;
  return line.length <= 120 ? line : `import {\n${names.map((name) => `  ${name},`).join('\n')}\n} from '${from}';`;
}

function assertFree(tree: Tree, domain: DomainNames): void {
  const projects = getProjects(tree);
  for (const project of [domain.name, `${domain.name}-contracts`]) {
    if (projects.has(project)) throw new Error(`a project named ${project} exists already`);
  }
  for (const folder of [`apps/${domain.name}`, `libs/${domain.name}`]) {
    if (tree.exists(folder)) throw new Error(`${folder} exists already`);
  }
}

function report(
  domain: DomainNames,
  store: string,
  port: number,
  consumed: string,
  registrations: Registration[],
): void {
  logger.info(
    `\n${domain.name}: ${store} domain on port ${port}, publishing ${domain.name}.item.v1, consuming ${consumed}`,
  );
  for (const registration of registrations) {
    const line = `  ${registration.file}: ${registration.detail}`;
    if (registration.done) logger.info(line);
    else logger.warn(line);
  }
  logger.info(
    `next: npm run infra:up, then npx nx test ${domain.name}-contracts ${domain.name} and npx nx serve ${domain.name}` +
      ` (see tools/generators/README.md for what to edit next)`,
  );
  const urlSecret = store === 'postgres' ? 'database_url' : 'mongodb_url';
  logger.info(
    `to deploy: create the secrets mesh_redis_password_${domain.databaseName} and mesh_${domain.databaseName}_${urlSecret},` +
      ` and the Redis ACL file again (deploy/README.md, "Create the secrets")`,
  );
}

export default domainGenerator;
