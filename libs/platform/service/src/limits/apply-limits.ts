import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';

import { AccessTokenVerifier } from '../auth/access-token-verifier';
import type { FastifyServer } from '../http/fastify-server';
import { SERVICE_OPTIONS, type ServiceModuleOptions } from '../service-options';
import { ClientKeys, type TokenCheck } from './client-key';
import { LIMITS_CONFIG, type LimitsConfig } from './limits-config';
import { limitRequestRates } from './rate-limit';
import { sendSecurityHeaders } from './security-headers';
import { applyServerTimeouts } from './server-timeouts';

/** A Redis outage would otherwise log once per request. */
const FALLBACK_WARNING_INTERVAL_MS = 30_000;

/**
 * The limits every service has, from the validated `limits` configuration: timeouts on the HTTP
 * server, security headers and CORS, and the per-client rate limit. Call before app.init(), so
 * that every route is registered after the plugins that decorate it.
 */
export async function applyLimits(app: NestFastifyApplication, trustedProxies: { hops: number }): Promise<void> {
  const config = app.get<LimitsConfig>(LIMITS_CONFIG);
  const service = app.get<ServiceModuleOptions>(SERVICE_OPTIONS).name;
  const fastify: FastifyServer = app.getHttpAdapter().getInstance();
  trustedProxies.hops = config.trustProxyHops;
  applyServerTimeouts(app.getHttpServer(), config.timeouts);
  await sendSecurityHeaders(fastify, config.corsOrigins);
  await limitRequestRates(fastify, {
    service,
    config: config.rateLimit,
    clients: new ClientKeys(tokenCheck(app)),
    onFallback: fallbackWarning(app.get(Logger)),
  });
}

/** The guard's own verifier; a service without access tokens (the catalog) counts by address only. */
function tokenCheck(app: NestFastifyApplication): TokenCheck | undefined {
  let verifier: AccessTokenVerifier;
  try {
    verifier = app.get(AccessTokenVerifier, { strict: false });
  } catch {
    return undefined;
  }
  return (token) => verifier.verify(token);
}

function fallbackWarning(logger: Logger): (error: Error) => void {
  let lastWarnedAt = 0;
  return (error) => {
    if (Date.now() - lastWarnedAt < FALLBACK_WARNING_INTERVAL_MS) return;
    lastWarnedAt = Date.now();
    logger.warn(
      `rate limits are counted on this replica alone: the shared counts in Redis (RATE_LIMIT_REDIS_URL) are unreachable: ${error.message}`,
    );
  };
}
