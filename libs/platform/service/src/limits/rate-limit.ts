import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';

import type { FastifyServer } from '../http/fastify-server';
import type { ClientKeys } from './client-key';
import type { LimitsConfig } from './limits-config';
import { type CountStore, LocalCounts, SharedCounts } from './rate-limit-store';

export interface RateLimitOptions {
  readonly service: string;
  readonly config: LimitsConfig['rateLimit'];
  readonly clients: ClientKeys;
  /** Told when the shared counts are unreachable and the replica counts alone (throttled by the caller). */
  readonly onFallback: (error: Error) => void;
}

/**
 * Orchestrators and Prometheus poll these on a schedule, from one address, and must always get
 * an answer: a probe that was throttled would take a healthy task out of rotation.
 */
export function isExemptFromRateLimit(url: string): boolean {
  return url === '/metrics' || url.startsWith('/health/');
}

/**
 * Every route counts each client's requests in a fixed window (`RATE_LIMIT_MAX` per
 * `RATE_LIMIT_WINDOW_MS`); past the limit the answer is a 429 with `Retry-After` (seconds until
 * the window ends) and the service's error body. Call before the routes are registered (before
 * app.init()): the limit attaches to each route as it is added.
 */
export async function limitRequestRates(fastify: FastifyServer, options: RateLimitOptions): Promise<void> {
  const { config, clients } = options;
  fastify.addHook('onRoute', (route) => {
    if (isExemptFromRateLimit(route.url)) route.config = { ...route.config, rateLimit: false };
  });
  const store = countStore(options);
  if (store instanceof SharedCounts) fastify.addHook('onClose', () => store.close());
  // The plugin builds its store with `new`; this one exists already (it holds the connection).
  const Store = function SharedStore() {
    return store;
  } as unknown as FastifyRateLimitStoreCtor;
  await fastify.register(fastifyRateLimit, {
    global: true,
    max: config.max,
    timeWindow: config.windowMs,
    store: Store,
    keyGenerator: (request) => clients.of(request),
    errorResponseBuilder: (_request, context) =>
      new HttpException(
        `too many requests: at most ${context.max} per ${seconds(config.windowMs)} for each client; ` +
          `send again in ${Math.max(1, Math.ceil(context.ttl / 1_000))} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      ),
  });
}

function countStore(options: RateLimitOptions): CountStore {
  const { redisUrl } = options.config;
  if (redisUrl === undefined) return new LocalCounts();
  return new SharedCounts({
    url: redisUrl,
    keyPrefix: `rate-limit:${options.service}:`,
    onFallback: options.onFallback,
  });
}

function seconds(ms: number): string {
  return ms % 1_000 === 0 ? `${ms / 1_000} s` : `${ms} ms`;
}
