import { InfraError } from '../errors';
import { ensureFerretdbBinary } from '../ferretdb-build';
import { findExecutable } from '../find-executable';
import type { InfraSettings } from '../options';
import { pingMongo } from '../probe';
import { findMemoryServerMongod, mongoUrl, startFerretdb, startMongod } from './mongo-servers';
import type { StoreDriver } from './store-driver';
import type { StartedServer } from './store-types';

export const mongoDriver: StoreDriver = {
  store: 'mongo',
  title: 'MongoDB',
  portVariable: 'MESH_MONGO_PORT',
  fromEnv: (settings) => {
    const url = settings.env['CUSTOMERS_MONGODB_URL'];
    if (!url) return undefined;
    return {
      store: 'mongo',
      source: 'env',
      url,
      env: { CUSTOMERS_MONGODB_URL: url },
      detail: 'CUSTOMERS_MONGODB_URL from the environment',
    };
  },
  localUrl: (settings) => mongoUrl(settings.ports.mongo),
  ping: pingMongo,
  envFor: (url) => ({ CUSTOMERS_MONGODB_URL: url }),
  start: startMongoCompatible,
};

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
