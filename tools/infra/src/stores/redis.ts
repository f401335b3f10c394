import { join } from 'node:path';

import { InfraError } from '../errors';
import { findExecutable } from '../find-executable';
import type { InfraSettings } from '../options';
import { pingRedis } from '../probe';
import { startDetachedServer } from './detached-server';
import type { StoreDriver } from './store-driver';
import type { StartedServer } from './store-types';

const INSTALL_FIX = 'apt-get install redis-server (or brew install redis), or set REDIS_URL to a running Redis';

export const redisDriver: StoreDriver = {
  store: 'redis',
  title: 'Redis',
  portVariable: 'MESH_REDIS_PORT',
  fromEnv: (settings) => {
    const url = settings.env['REDIS_URL'];
    if (!url) return undefined;
    return { store: 'redis', source: 'env', url, env: { REDIS_URL: url }, detail: 'REDIS_URL from the environment' };
  },
  localUrl: (settings) => `redis://127.0.0.1:${settings.ports.redis}`,
  ping: pingRedis,
  envFor: (url) => ({ REDIS_URL: url }),
  start: startRedis,
};

function startRedis(settings: InfraSettings, onStarted: (server: StartedServer) => void): Promise<StartedServer> {
  const command = settings.binaries.redisServer ?? findExecutable('redis-server', settings.env);
  if (command === undefined) {
    throw new InfraError('Redis: nothing answers on the local port and redis-server is not on PATH', {
      fix: INSTALL_FIX,
    });
  }
  const port = settings.ports.redis;
  const dataDir = join(settings.meshDir, 'redis');
  const logFile = join(settings.logDir, 'redis.log');
  return startDetachedServer(
    {
      store: 'redis',
      kind: 'redis-server',
      command,
      // Not --daemonize: redis would fork and we would lose the pid and the exit status of a failed start.
      args: [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--dir', dataDir,
        '--appendonly', 'yes',
        '--pidfile', join(settings.runDir, `redis-${port}.pid`),
        '--logfile', logFile,
        '--daemonize', 'no',
      ],
      port,
      url: `redis://127.0.0.1:${port}`,
      dataDir,
      logFile,
      ping: pingRedis,
      fix: `free port ${port} or set MESH_REDIS_PORT; or set REDIS_URL to a running Redis`,
    },
    settings,
    onStarted,
  );
}
