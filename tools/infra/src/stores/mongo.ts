import { InfraError } from '../errors';
import { ensureFerretdbBinary } from '../ferretdb-build';
import { findExecutable } from '../find-executable';
import { domainDatabases } from '../mesh-registry';
import type { InfraSettings } from '../options';
import { pingMongo } from '../probe';
import { findMemoryServerMongod, mongoUrl, startFerretdb, startMongod } from './mongo-servers';
import { withDatabase } from './postgres-databases';
import type { StoreDriver } from './store-driver';
import type { StartedServer } from './store-types';

export const mongoDriver: StoreDriver = {
  store: 'mongo',
  title: 'MongoDB',
  portVariable: 'MESH_MONGO_PORT',
  fromEnv: (settings) => {
    const [first] = domainDatabases('mongo');
    const url = first && settings.env[first.variable];
    if (!first || !url) return undefined;
    return {
      store: 'mongo',
      source: 'env',
      url,
      env: envFor(url, settings),
      detail: `${first.variable} from the environment`,
    };
  },
  localUrl: (settings) => mongoUrl(settings.ports.mongo),
  ping: pingMongo,
  envFor,
  start: startMongoCompatible,
};

/**
 * Each MongoDB domain of the registry gets a database of its own on the one server, named in its
 * URL (MongoDB creates a database on its first write, so the URL is all it needs). URLs already in
 * the environment win: they are the developer's.
 */
function envFor(url: string, settings: InfraSettings): Record<string, string> {
  return Object.fromEntries(
    domainDatabases('mongo').map(({ variable, database }) => [variable, settings.env[variable] || withDatabase(url, database)]),
  );
}

/** A real mongod when installed; else FerretDB built from tools/ferretdb; else a downloaded mongod. */
async function startMongoCompatible(
  settings: InfraSettings,
  onStarted: (server: StartedServer) => void,
): Promise<StartedServer> {
  const mongod = settings.binaries.mongod ?? findExecutable('mongod', settings.env);
  if (mongod !== undefined) return startMongod(mongod, settings, onStarted);

  const ferretdb =
    settings.binaries.ferretdb ??
    (await ensureFerretdbBinary({ sourceDir: settings.ferretdbSourceDir, env: settings.env, log: settings.log }));
  if (ferretdb !== undefined) return startFerretdb(ferretdb, settings, onStarted);

  const downloaded = await findMemoryServerMongod(settings);
  if (downloaded !== undefined) return startMongod(downloaded, settings, onStarted);

  throw new InfraError('MongoDB: nothing answers on the local port, and there is no mongod, Go or mongodb-memory-server', {
    fix:
      'install Go 1.24+ (https://go.dev/dl; FerretDB is then built from tools/ferretdb), or install mongod, ' +
      'or set CUSTOMERS_MONGODB_URL to a running server',
  });
}
