import { signAccessToken } from '@mesh/service';
import { readFileSync } from 'node:fs';

import type { DemoAuthorization } from './demo-traffic';

/** What the demo does and nothing more: register customers, place and cancel orders, read sales. */
export const DEMO_SCOPES = ['customers:write', 'orders:write', 'analytics:read'];
const TOKEN_LIFETIME_SECONDS = 900;
const RENEW_AFTER_MS = 600_000;

export interface MeshAuth {
  /** The key the services verify tokens with, so the demo can sign its own. */
  readonly secret: string;
  /** What to add to the services' environment: the dev secret, unless the caller set one. */
  readonly serviceEnv: Record<string, string>;
}

/**
 * The services' AUTH_JWT_SECRET: the caller's (variable or `_FILE`, which the services read too),
 * else the development secret `infra:up` made and wrote to .mesh/env.
 */
export function meshAuth(env: NodeJS.ProcessEnv, devSecret: string): MeshAuth {
  if (env['AUTH_JWT_SECRET']) return { secret: env['AUTH_JWT_SECRET'], serviceEnv: {} };
  const file = env['AUTH_JWT_SECRET_FILE'];
  if (file) return { secret: readFileSync(file, 'utf8').replace(/\r?\n$/, ''), serviceEnv: {} };
  return { secret: devSecret, serviceEnv: { AUTH_JWT_SECRET: devSecret } };
}

/** Bearer tokens for the demo traffic, each used for ten minutes of its fifteen. */
export function demoAuthorization(secret: string): DemoAuthorization {
  let header = '';
  let renewAt = 0;
  return () => {
    if (Date.now() >= renewAt) {
      const token = signAccessToken({
        secret,
        scopes: DEMO_SCOPES,
        subject: 'mesh-demo',
        expiresInSeconds: TOKEN_LIFETIME_SECONDS,
      });
      header = `Bearer ${token}`;
      renewAt = Date.now() + RENEW_AFTER_MS;
    }
    return header;
  };
}
