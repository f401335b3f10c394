import { MIN_SECRET_LENGTH } from './auth-config';
import { signCompactJws } from './jws';
import type { PrivateSigningJwk } from './signing-key';

/** An issuer's private key (its `kid` and `alg` go into the header), or the HS256 development secret. */
export type TokenSigningKey = { readonly privateJwk: PrivateSigningJwk } | { readonly secret: string };

export interface AccessTokenRequest {
  readonly key: TokenSigningKey;
  /** The `iss` claim: the services check it against their AUTH_ISSUER. */
  readonly issuer: string;
  /** The `aud` claim: the service(s) the token is for, each checks that its own audience is among them. */
  readonly audience: string | readonly string[];
  /** e.g. `['orders:read', 'orders:write']`; written to the `scope` claim, space-separated. */
  readonly scopes: readonly string[];
  /** The `sub` claim: who acts (a user, a service, `dev`). */
  readonly subject?: string;
  /** Lifetime (`exp - iat`); 3600 (one hour) unless given. */
  readonly expiresInSeconds?: number;
  /** The `iat` claim, in seconds since the epoch; now unless given (an expired token for a test). */
  readonly issuedAt?: number;
}

const DEFAULT_LIFETIME_SECONDS = 3600;
const NAME = /^\S+$/;

/**
 * An access token as the services check it: `iss`, `aud`, `iat`, `exp`, `scope`, and `sub` when
 * given, signed with an issuer's private key (ES256, RS256 or EdDSA, named by `kid`) or, as a
 * development option, an HS256 secret. For tests, `npm run mesh -- token` and the demo traffic;
 * production callers get their tokens from the identity provider whose key set the services read.
 */
export function signAccessToken(request: AccessTokenRequest): string {
  const { key, issuer, scopes, subject, expiresInSeconds = DEFAULT_LIFETIME_SECONDS } = request;
  const audience = typeof request.audience === 'string' ? [request.audience] : [...request.audience];
  if ('secret' in key && key.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `signAccessToken: the secret has ${key.secret.length} characters; the services need at least ${MIN_SECRET_LENGTH}`,
    );
  }
  if (!NAME.test(issuer))
    throw new Error(`signAccessToken: issuer must be a name without spaces, got ${JSON.stringify(issuer)}`);
  if (audience.length === 0 || !audience.every((name) => NAME.test(name))) {
    throw new Error(`signAccessToken: audience must be names without spaces, got ${JSON.stringify(request.audience)}`);
  }
  if (scopes.length === 0 || !scopes.every((scope) => NAME.test(scope))) {
    throw new Error(`signAccessToken: scopes must be non-empty names without spaces, got ${JSON.stringify(scopes)}`);
  }
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new Error(`signAccessToken: expiresInSeconds must be a positive whole number, got ${expiresInSeconds}`);
  }
  const iat = request.issuedAt ?? Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer,
    ...(subject !== undefined && { sub: subject }),
    aud: audience.length === 1 ? audience[0] : audience,
    iat,
    exp: iat + expiresInSeconds,
    scope: scopes.join(' '),
  };
  const header =
    'secret' in key ? { alg: 'HS256', typ: 'JWT' } : { alg: key.privateJwk.alg, typ: 'JWT', kid: key.privateJwk.kid };
  return signCompactJws(header, claims, key);
}
