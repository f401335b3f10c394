import { ConfigValidationError } from '../config/config-validation.error';
import { defineConfig } from '../config/define-config';
import { envInt, envList, envUrl } from '../config/env-schemas';

/** How much one client may ask, how long a request may take to arrive, and who may call from a browser. */
export interface LimitsConfig {
  readonly rateLimit: {
    /** Requests one client may send per window, on each replica unless `redisUrl` is set. */
    readonly max: number;
    readonly windowMs: number;
    /** Where replicas share their counts; each counts alone when absent. */
    readonly redisUrl?: string;
  };
  readonly timeouts: {
    /** The whole request, headers and body, must have arrived within this. */
    readonly requestMs: number;
    /** The request line and headers must have arrived within this. */
    readonly headersMs: number;
    /** An idle keep-alive connection is closed after this. */
    readonly keepAliveMs: number;
    /** A connection on which nothing moves, in either direction, for this long is closed. */
    readonly connectionMs: number;
  };
  /** Proxies in front of the service whose X-Forwarded-For is believed (0: the peer is the client). */
  readonly trustProxyHops: number;
  /** Origins whose pages may call the API from a browser; none when empty. */
  readonly corsOrigins: readonly string[];
}

export const LIMITS_CONFIG_NAMESPACE = 'limits';

// High enough that no test, the mesh e2e or the benchmark (a few thousand requests a second to
// one replica at most) is ever throttled: a deployment sets what its clients really need.
const DEFAULT_RATE_LIMIT_MAX = 50_000;
const DEFAULT_RATE_LIMIT_WINDOW_MS = 10_000;

// Exact origins only (`https://shop.example.com`): a browser sends the origin as scheme, host and
// port, and a pattern or `*` would open the API to pages nobody chose.
const ORIGINS_MESSAGE =
  'must be a comma-separated list of origins like https://app.example.com (scheme, host, optional port; no path, no *)';

export const limitsConfig = defineConfig(
  LIMITS_CONFIG_NAMESPACE,
  {
    RATE_LIMIT_MAX: envInt({ min: 1 }).default(DEFAULT_RATE_LIMIT_MAX),
    RATE_LIMIT_WINDOW_MS: envInt({ min: 1 }).default(DEFAULT_RATE_LIMIT_WINDOW_MS),
    RATE_LIMIT_REDIS_URL: envUrl(['redis', 'rediss']).optional(),
    REQUEST_TIMEOUT_MS: envInt({ min: 1 }).default(30_000),
    HEADERS_TIMEOUT_MS: envInt({ min: 1 }).default(10_000),
    // Fastify's own default: longer than the idle timeout of common load balancers (60 s), so
    // that they, not the service, close an idle connection and never write into a closing one.
    KEEP_ALIVE_TIMEOUT_MS: envInt({ min: 1 }).default(72_000),
    CONNECTION_TIMEOUT_MS: envInt({ min: 1 }).default(120_000),
    TRUST_PROXY_HOPS: envInt({ min: 0, max: 10 }).default(0),
    CORS_ORIGINS: envList()
      .refine((origins) => origins.every(isOrigin), ORIGINS_MESSAGE)
      .default([]),
  },
  (env): LimitsConfig => {
    // Node checks both on every connection; a header limit beyond the request's would never apply.
    if (env.HEADERS_TIMEOUT_MS > env.REQUEST_TIMEOUT_MS) {
      throw new ConfigValidationError([
        {
          variable: 'HEADERS_TIMEOUT_MS',
          message: `must not exceed REQUEST_TIMEOUT_MS (${env.REQUEST_TIMEOUT_MS})`,
        },
      ]);
    }
    return {
      rateLimit: {
        max: env.RATE_LIMIT_MAX,
        windowMs: env.RATE_LIMIT_WINDOW_MS,
        redisUrl: env.RATE_LIMIT_REDIS_URL,
      },
      timeouts: {
        requestMs: env.REQUEST_TIMEOUT_MS,
        headersMs: env.HEADERS_TIMEOUT_MS,
        keepAliveMs: env.KEEP_ALIVE_TIMEOUT_MS,
        connectionMs: env.CONNECTION_TIMEOUT_MS,
      },
      trustProxyHops: env.TRUST_PROXY_HOPS,
      corsOrigins: env.CORS_ORIGINS,
    };
  },
);

/** Injection token of LimitsConfig. */
export const LIMITS_CONFIG = limitsConfig.KEY;

function isOrigin(value: string): boolean {
  // URL takes `*` for a host name; a browser never sends one.
  if (value.includes('*')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
