import { JwtService } from '@nestjs/jwt';

import { MIN_SECRET_LENGTH } from './auth-config';

export interface AccessTokenRequest {
  /** The services' AUTH_JWT_SECRET. */
  readonly secret: string;
  /** e.g. `['orders:read', 'orders:write']`; written to the `scope` claim, space-separated. */
  readonly scopes: readonly string[];
  /** The `sub` claim: who acts (a user, a service, `dev`). */
  readonly subject?: string;
  /** Lifetime; 3600 (one hour) unless given. */
  readonly expiresInSeconds?: number;
}

const DEFAULT_LIFETIME_SECONDS = 3600;

/**
 * An HS256 access token the services accept: for tests, `npm run mesh -- token` and the demo
 * traffic. Production callers get their tokens from an identity provider instead.
 */
export function signAccessToken(request: AccessTokenRequest): string {
  const { secret, scopes, subject, expiresInSeconds = DEFAULT_LIFETIME_SECONDS } = request;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `signAccessToken: the secret has ${secret.length} characters; the services need at least ${MIN_SECRET_LENGTH}`,
    );
  }
  const invalid = scopes.filter((scope) => !/^\S+$/.test(scope));
  if (scopes.length === 0 || invalid.length > 0) {
    throw new Error(`signAccessToken: scopes must be non-empty names without spaces, got ${JSON.stringify(scopes)}`);
  }
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new Error(`signAccessToken: expiresInSeconds must be a positive whole number, got ${expiresInSeconds}`);
  }
  return new JwtService({ secret }).sign(
    { scope: scopes.join(' ') },
    { algorithm: 'HS256', expiresIn: expiresInSeconds, ...(subject !== undefined && { subject }) },
  );
}
