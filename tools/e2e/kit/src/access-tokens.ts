import { createTestIssuer, serveJwks, type TestIssuer } from '@mesh/service/testing';

export type { TestIssuer } from '@mesh/service/testing';

/** Every scope of the three domain APIs (ARCHITECTURE.md section 1: API scopes in the manifests). */
export const ALL_SCOPES = [
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
  'analytics:read',
  'analytics:write',
] as const;

/** The audience of each domain API: its name. A client of all three names each. */
export const DOMAIN_AUDIENCES = ['orders', 'customers', 'analytics'] as const;

/**
 * The identity provider of one run: an ES256 key pair of its own, made in memory. The services
 * get only its public key set (AUTH_JWKS_URL or a Swarm config) and its `iss` (AUTH_ISSUER).
 */
export function newTokenIssuer(name: string): TestIssuer {
  return createTestIssuer(`${name}-issuer`);
}

export interface RunToken {
  readonly scopes?: readonly string[];
  readonly audience?: string | readonly string[];
  /** The run that acts (the `sub` claim). */
  readonly subject?: string;
  readonly expiresInSeconds?: number;
  /** Seconds since the epoch: in the past with a short lifetime, an expired token for the malformed requests. */
  readonly issuedAt?: number;
}

/**
 * An access token of the run's issuer: by default for the three domains (`aud` lists them, as a
 * client calling all three holds) with every scope, for one hour.
 */
export function signAccessToken(issuer: TestIssuer, token: RunToken = {}): string {
  return issuer.sign({
    scopes: token.scopes ?? ALL_SCOPES,
    audience: token.audience ?? DOMAIN_AUDIENCES,
    subject: token.subject ?? 'mesh-e2e',
    expiresInSeconds: token.expiresInSeconds ?? 3_600,
    issuedAt: token.issuedAt,
  });
}

/**
 * The issuer's key set over HTTP on 127.0.0.1 (AUTH_JWKS_URL), as an identity provider publishes
 * it: the services fetch it, cache it and fetch it again for a `kid` they have not seen.
 */
export const serveKeySet = (issuer: TestIssuer) => serveJwks(() => issuer.keySet());

/** The `Authorization` header value for a token. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}
