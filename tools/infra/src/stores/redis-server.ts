import { join } from 'node:path';

import { InfraError } from '../errors';
import { findExecutable } from '../find-executable';
import type { InfraSettings } from '../options';
import { pingRedis } from '../probe';
import { startDetachedServer } from './detached-server';
import type { ServerKind, StartedServer } from './store-types';

export const REDIS_INSTALL_FIX =
  'apt-get install redis-server (or brew install redis), or set REDIS_URL to a running Redis';

export interface RedisServerSpec {
  port: number;
  dataDir: string;
  logFile: string;
  /** `redis-sentinel` runs the same program with a config file and `--sentinel`. */
  kind?: ServerKind;
  /** Arguments before the common ones: a config file must come first (a sentinel's). */
  leadingArgs?: readonly string[];
  /** Settings after the common ones (persistence, cluster mode, replication, ACL file). */
  extraArgs?: readonly string[];
  /** How to tell that it answers (default: an unauthenticated PING to its URL). */
  ping?: (url: string) => Promise<void>;
  fix: string;
}

/** The redis-server program: an override, else PATH (Debian's redis-server package). */
export function redisServerCommand(settings: InfraSettings, what: string): string {
  const command = settings.binaries.redisServer ?? findExecutable('redis-server', settings.env);
  if (command === undefined) {
    throw new InfraError(`${what}: redis-server is not on PATH`, { fix: REDIS_INSTALL_FIX });
  }
  return command;
}

/**
 * The one way infra starts a redis-server (the Redis store, and every node and sentinel of
 * `up redis-cluster` / `up redis-sentinel`): on 127.0.0.1 only, in the foreground of its own
 * detached process, its pid file in .mesh/run and its log in .mesh/logs.
 */
export function startRedisServer(
  spec: RedisServerSpec,
  settings: InfraSettings,
  onStarted: (server: StartedServer) => void,
): Promise<StartedServer> {
  const kind = spec.kind ?? 'redis-server';
  const command = redisServerCommand(settings, kind);
  return startDetachedServer(
    {
      store: 'redis',
      kind,
      command,
      // Not --daemonize: redis would fork and we would lose the pid and the exit status of a failed start.
      args: [
        ...(spec.leadingArgs ?? []),
        '--port', String(spec.port),
        '--bind', '127.0.0.1',
        '--dir', spec.dataDir,
        '--pidfile', join(settings.runDir, `redis-${spec.port}.pid`),
        '--logfile', spec.logFile,
        '--daemonize', 'no',
        ...(spec.extraArgs ?? []),
      ],
      port: spec.port,
      url: `redis://127.0.0.1:${spec.port}`,
      dataDir: spec.dataDir,
      logFile: spec.logFile,
      ping: spec.ping ?? pingRedis,
      fix: spec.fix,
    },
    settings,
    onStarted,
  );
}
