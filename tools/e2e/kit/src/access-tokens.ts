import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';

/** Every scope of the three domain APIs (ARCHITECTURE.md section 1: API scopes in the manifests). */
export const ALL_SCOPES = [
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
  'analytics:read',
  'analytics:write',
] as const;

/** A fresh AUTH_JWT_SECRET for one run: 48 random bytes, above the services' 32-character minimum. */
export function newJwtSecret(): string {
  return randomBytes(48).toString('base64url');
}

/**
 * An HS256 access token as the services check it (`scope` claim space-separated, `exp` required),
 * signed the way @mesh/service's signAccessToken does. `expiresInSeconds` may be negative: an
 * expired token for the malformed-request checks. `subject` says which run acts (the `sub` claim).
 */
export function signAccessToken(
  secret: string,
  scopes: readonly string[],
  expiresInSeconds = 3_600,
  subject = 'mesh-e2e',
): string {
  const exp = Math.floor(Date.now() / 1_000) + expiresInSeconds;
  return new JwtService({ secret }).sign({ scope: scopes.join(' '), exp }, { algorithm: 'HS256', subject });
}

/** The `Authorization` header value for a token. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}
