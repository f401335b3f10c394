import { withRedisCredentials } from '@mesh/messaging';
import type { RedisOptions } from 'ioredis';
import { readFileSync } from 'node:fs';

import { meshEnv } from './mesh-env';

/**
 * The URL the stream commands connect with: REDIS_URL plus REDIS_USERNAME and REDIS_PASSWORD
 * (or REDIS_PASSWORD_FILE), read as the services read them. Against an ACL'd Redis that is the
 * `mesh-operator` user; against the local one no credentials are needed.
 */
export function cliRedisUrl(read: (name: string) => string | undefined = meshEnv): string | undefined {
  const url = read('REDIS_URL');
  if (!url) return undefined;
  const passwordFile = read('REDIS_PASSWORD_FILE');
  const password =
    read('REDIS_PASSWORD') ?? (passwordFile ? readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '') : undefined);
  return withRedisCredentials(url, { username: read('REDIS_USERNAME'), password });
}

/**
 * The stream commands' client. No ready check: it sends INFO, which `mesh-operator` may not run
 * (against a Redis still loading its data, a command fails with LOADING instead of waiting).
 */
export function cliRedisOptions(): RedisOptions {
  return { maxRetriesPerRequest: 2, enableReadyCheck: false };
}
