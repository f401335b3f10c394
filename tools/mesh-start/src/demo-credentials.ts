import type { DevIssuer } from '@mesh/infra';
import { signAccessToken } from '@mesh/service';

import type { DemoAuthorization, DemoTarget } from './demo-traffic';

/** What the demo does and nothing more, per audience: register customers, place and cancel orders, read sales. */
export const DEMO_SCOPES: Readonly<Record<DemoTarget, readonly string[]>> = {
  customers: ['customers:write'],
  orders: ['orders:write'],
  analytics: ['analytics:read'],
};
const TOKEN_LIFETIME_SECONDS = 900;
const RENEW_AFTER_MS = 600_000;

/**
 * Bearer tokens of the development issuer for the demo traffic: one per service it calls, each
 * for that service alone (its audience) with the scopes the demo needs there, and each used for
 * ten minutes of its fifteen. The services check them against the issuer's public key set
 * (AUTH_JWKS_FILE in .mesh/env), the way they check an identity provider's in production.
 */
export function demoAuthorization(issuer: Pick<DevIssuer, 'issuer' | 'privateJwk'>): DemoAuthorization {
  const tokens = new Map<DemoTarget, { header: string; renewAt: number }>();
  return (audience) => {
    const current = tokens.get(audience);
    if (current && Date.now() < current.renewAt) return current.header;
    const token = signAccessToken({
      key: { privateJwk: issuer.privateJwk },
      issuer: issuer.issuer,
      audience,
      scopes: DEMO_SCOPES[audience],
      subject: 'mesh-demo',
      expiresInSeconds: TOKEN_LIFETIME_SECONDS,
    });
    tokens.set(audience, { header: `Bearer ${token}`, renewAt: Date.now() + RENEW_AFTER_MS });
    return `Bearer ${token}`;
  };
}

export interface MeshAuth {
  /** The services' environment: the caller's, with the development issuer as the one they trust. */
  readonly serviceEnv: NodeJS.ProcessEnv;
  /** AUTH_* variables of the caller's environment that were not passed on. */
  readonly ignored: readonly string[];
}

/**
 * The demo and `npm run mesh -- token` sign with the development issuer's key, so the services
 * `npm start` runs trust that issuer: its AUTH_JWKS_FILE and AUTH_ISSUER, and none of the caller's
 * token settings (another key set would refuse every demo request; a second one is an error).
 */
export function meshAuth(env: NodeJS.ProcessEnv, issuer: Pick<DevIssuer, 'env'>): MeshAuth {
  const ignored = Object.keys(env).filter((name) => name.startsWith('AUTH_') && !(name in issuer.env));
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AUTH_')));
  return { serviceEnv: { ...kept, ...issuer.env }, ignored };
}
