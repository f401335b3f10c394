import { domainDatabases } from '../mesh-registry';
import type { InfraSettings } from '../options';
import { pingPostgres } from '../probe';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabases, withDatabase } from './postgres-databases';
import type { StoreDriver } from './store-driver';
import type { StoreResolution } from './store-types';

export const postgresDriver: StoreDriver = {
  store: 'postgres',
  title: 'PostgreSQL',
  portVariable: 'MESH_POSTGRES_PORT',
  fromEnv,
  localUrl: (settings) => {
    const user = encodeURIComponent(settings.env['PGUSER'] || 'postgres');
    const password = settings.env['PGPASSWORD'] ? `:${encodeURIComponent(settings.env['PGPASSWORD'])}` : '';
    return `postgres://${user}${password}@127.0.0.1:${settings.ports.postgres}/postgres`;
  },
  ping: pingPostgres,
  envFor,
  start: startEmbeddedPostgres,
  prepare: createMissingDatabases,
};

/** POSTGRES_URL names the server; every PostgreSQL domain's database URL, when all are set, is enough too. */
function fromEnv(settings: InfraSettings): StoreResolution | undefined {
  const adminUrl = settings.env['POSTGRES_URL'];
  if (adminUrl) {
    return { ...resolution(adminUrl, settings), detail: 'POSTGRES_URL from the environment' };
  }
  const variables = domainDatabases('postgres').map(({ variable }) => variable);
  const [firstUrl] = variables.map((variable) => settings.env[variable]);
  if (firstUrl && variables.every((variable) => settings.env[variable])) {
    return {
      ...resolution(withDatabase(firstUrl, 'postgres'), settings),
      detail: `${variables.join(' and ')} from the environment`,
    };
  }
  return undefined;
}

function resolution(adminUrl: string, settings: InfraSettings): Omit<StoreResolution, 'detail'> {
  return { store: 'postgres', source: 'env', url: adminUrl, env: envFor(adminUrl, settings) };
}

/** Database URLs already in the environment win over ones derived from the admin URL. */
function envFor(adminUrl: string, settings: InfraSettings): Record<string, string> {
  const env: Record<string, string> = { POSTGRES_URL: adminUrl };
  for (const { variable, database } of domainDatabases('postgres')) {
    env[variable] = settings.env[variable] || withDatabase(adminUrl, database);
  }
  return env;
}

/** Creates only the databases whose URL infra derived; ones named in the environment are the developer's. */
async function createMissingDatabases(resolved: StoreResolution, settings: InfraSettings): Promise<void> {
  const names = domainDatabases('postgres')
    .filter(({ variable }) => !settings.env[variable])
    .map(({ database }) => database);
  if (names.length === 0) return;
  const created = await ensureDatabases(resolved.url, names);
  if (created.length > 0) settings.log(`  postgres: created database ${created.join(', ')}`);
}
