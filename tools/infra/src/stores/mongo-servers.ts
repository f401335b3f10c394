import { join } from 'node:path';

import type { InfraSettings } from '../options';
import { pingMongo } from '../probe';
import { startDetachedServer } from './detached-server';
import { ferretdbCommand, mongodCommand } from './mongo-command';
import type { StartedServer } from './store-types';

type OnStarted = (server: StartedServer) => void;

export function mongoUrl(port: number): string {
  return `mongodb://127.0.0.1:${port}/customers`;
}

const fixFor = (port: number): string =>
  `free port ${port} or set MESH_MONGO_PORT; or set CUSTOMERS_MONGODB_URL to a running server`;

export function startMongod(command: string, settings: InfraSettings, onStarted: OnStarted): Promise<StartedServer> {
  const port = settings.ports.mongo;
  const dataDir = join(settings.meshDir, 'mongod');
  const logFile = join(settings.logDir, 'mongod.log');
  return startDetachedServer(
    {
      store: 'mongo',
      ...mongodCommand(command, port, dataDir, logFile),
      port,
      url: mongoUrl(port),
      dataDir,
      logFile,
      ping: pingMongo,
      fix: fixFor(port),
    },
    settings,
    onStarted,
  );
}

export function startFerretdb(binary: string, settings: InfraSettings, onStarted: OnStarted): Promise<StartedServer> {
  const port = settings.ports.mongo;
  const dataDir = join(settings.meshDir, 'ferretdb');
  return startDetachedServer(
    {
      store: 'mongo',
      ...ferretdbCommand(binary, port, dataDir),
      port,
      url: mongoUrl(port),
      dataDir,
      logFile: join(settings.logDir, 'ferretdb.log'),
      ping: pingMongo,
      fix: fixFor(port),
    },
    settings,
    onStarted,
  );
}

/**
 * mongod through mongodb-memory-server, which downloads it (so it needs the
 * internet). Only its binary download is used: its JS server stops with node,
 * and infra's servers must outlive `infra:up`. Not a dependency, hence optional.
 */
export async function findMemoryServerMongod(settings: InfraSettings): Promise<string | undefined> {
  const packageName = 'mongodb-memory-server';
  try {
    require.resolve(packageName);
  } catch {
    return undefined;
  }
  settings.log('  mongo: fetching mongod through mongodb-memory-server (downloads it the first time)');
  const loaded: unknown = await import(packageName);
  const binary = (loaded as { MongoBinary?: { getPath?: () => Promise<string> } }).MongoBinary;
  if (typeof binary?.getPath !== 'function') {
    throw new Error(`${packageName} has no MongoBinary.getPath(); this version is not supported`);
  }
  return binary.getPath();
}
