import { join } from 'node:path';

import { InfraError } from '../errors';
import { findExecutable } from '../find-executable';
import type { InfraSettings } from '../options';
import { pingRedis } from '../probe';
import { REDIS_INSTALL_FIX, startRedisServer } from './redis-server';
import type { StoreDriver } from './store-driver';
import type { StartedServer } from './store-types';

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
  if (settings.binaries.redisServer === undefined && findExecutable('redis-server', settings.env) === undefined) {
    throw new InfraError('Redis: nothing answers on the local port and redis-server is not on PATH', {
      fix: REDIS_INSTALL_FIX,
    });
  }
  const port = settings.ports.redis;
  return startRedisServer(
    {
      port,
      dataDir: join(settings.meshDir, 'redis'),
      logFile: join(settings.logDir, 'redis.log'),
      extraArgs: ['--appendonly', 'yes'],
      fix: `free port ${port} or set MESH_REDIS_PORT; or set REDIS_URL to a running Redis`,
    },
    settings,
    onStarted,
  );
}
