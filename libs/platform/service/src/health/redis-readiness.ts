import { createRedisClient, type RedisClient, type RedisTarget } from '../redis/create-redis-client';
import type { ProviderToken, ReadinessCheck, ReadinessContext, ReadinessProbe } from './readiness-check';

export type RedisReadinessOptions = {
  readonly name?: string;
  readonly timeoutMs?: number;
  /** False when the service works on without Redis (see ReadinessCheck.required). Default true. */
  readonly required?: boolean;
} & (
  | {
      /** Connect a dedicated client (closed on shutdown) to this URL or topology (a cluster: PING through it). */
      readonly url: RedisTarget | ((context: ReadinessContext) => RedisTarget);
    }
  | {
      /** Ping the app's own client instead. */
      readonly client: ProviderToken<RedisClient>;
    }
);

/** Ready when Redis answers PING. */
export function redisReadiness(options: RedisReadinessOptions): ReadinessCheck {
  return {
    name: options.name ?? 'redis',
    timeoutMs: options.timeoutMs,
    required: options.required,
    setup: (context) => {
      if ('client' in options) return pingProbe(context.get(options.client));
      const url = typeof options.url === 'function' ? options.url(context) : options.url;
      return dedicatedClientProbe(url);
    },
  };
}

function pingProbe(client: RedisClient): ReadinessProbe {
  return { check: () => client.ping() };
}

function dedicatedClientProbe(url: RedisTarget): ReadinessProbe {
  // Fail fast and never retry in the background: each probe connects again if
  // needed, so a Redis outage shows up at once and leaves no reconnect timers.
  const client = createRedisClient(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectionName: 'readiness',
  });
  let lastError: Error | undefined;
  // Without a listener ioredis prints every connection failure; the probe reports it instead.
  client.on('error', (error: Error) => {
    lastError = error;
  });
  return {
    check: async () => {
      if (client.status === 'wait' || client.status === 'end') {
        lastError = undefined;
        // ioredis rejects with a bare "Connection is closed."; the error event said why.
        await client.connect().catch((error: unknown) => {
          throw lastError ?? error;
        });
      }
      return client.ping();
    },
    close: () => {
      // disconnect() on an ended client leaves a 2 s timer behind in ioredis.
      if (client.status !== 'end') client.disconnect();
    },
  };
}
