import { z } from 'zod';

import { defineConfig } from './define-config';
import { envBool, envInt, envPort } from './env-schemas';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The configuration every service has, whatever its domain. */
export interface ServiceConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly logPretty: boolean;
  readonly bodyLimitBytes: number;
  /** Upper bound for draining in-flight requests and closing connections. */
  readonly shutdownTimeoutMs: number;
  /** Pause between failing readiness and closing the listener, so load balancers notice first. */
  readonly shutdownDelayMs: number;
}

export const SERVICE_CONFIG_NAMESPACE = 'service';

export function serviceConfig(defaultPort: number) {
  return defineConfig(
    SERVICE_CONFIG_NAMESPACE,
    {
      PORT: envPort().default(defaultPort),
      HOST: z.string().trim().min(1).default('0.0.0.0'),
      LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
      LOG_PRETTY: envBool().default(false),
      BODY_LIMIT_BYTES: envInt({ min: 1 }).default(1024 * 1024),
      SHUTDOWN_TIMEOUT_MS: envInt({ min: 0 }).default(10_000),
      SHUTDOWN_DELAY_MS: envInt({ min: 0 }).default(0),
    },
    (env): ServiceConfig => ({
      port: env.PORT,
      host: env.HOST,
      logLevel: env.LOG_LEVEL,
      logPretty: env.LOG_PRETTY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    }),
  );
}

/** Injection token of ServiceConfig: `@Inject(SERVICE_CONFIG) config: ServiceConfig`. */
export const SERVICE_CONFIG = serviceConfig(0).KEY;
