import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';

import type { AccessToken } from './access-token';
import type { AuthConfig } from './auth-config';
import { InvalidTokenError } from './invalid-token.error';
import { ACCEPTED_ALGORITHMS } from './key-set';
import { KeySetUnavailableError } from './key-set-unavailable.error';
import { quoted, verificationFailure } from './token-failure';
import { tokenScopes } from './token-scopes';

export interface VerifierOptions {
  /** After a fetch of AUTH_JWKS_URL, how long an unknown `kid` waits for the next one (30 s). */
  readonly refetchCooldownMs?: number;
}

/** An issuer's clock may run a little ahead of the service's. */
const ISSUED_AT_LEEWAY_SECONDS = 60;
const JWKS_FETCH_TIMEOUT_MS = 5_000;

/**
 * Checks access tokens against the issuer's key set (or, as a development option, an HS256
 * secret): the signature with the key the `kid` names, each key verifying the one algorithm of its
 * type (`none` and HS* never reach the key set); then `iss`, `aud`, `exp`, `nbf`, `iat` and the
 * lifetime. A remote key set is cached and fetched again when a token names a `kid` it lacks, so
 * that the issuer can rotate its keys without a restart.
 */
export class AccessTokenVerifier {
  readonly algorithms: readonly string[];
  readonly audience: string;
  private readonly keySet?: JWTVerifyGetKey;
  private readonly secret?: Uint8Array;

  constructor(
    private readonly config: AuthConfig,
    serviceName: string,
    options: VerifierOptions = {},
  ) {
    this.audience = config.audience ?? serviceName;
    this.keySet = keySetOf(config, options);
    this.secret = config.devSecret === undefined ? undefined : new TextEncoder().encode(config.devSecret);
    this.algorithms = [...(this.secret ? ['HS256'] : []), ...(this.keySet ? ACCEPTED_ALGORITHMS : [])];
  }

  /**
   * @throws InvalidTokenError saying what is wrong with the token.
   * @throws KeySetUnavailableError when the remote key set cannot be fetched.
   */
  async verify(token: string): Promise<AccessToken> {
    const header = headerOf(token);
    const expected = { issuer: this.config.issuer ?? '', audience: this.audience };
    const checks: JWTVerifyOptions = {
      issuer: this.config.issuer,
      audience: this.audience,
      requiredClaims: ['exp', 'iat'],
    };
    let payload: JWTPayload;
    try {
      if (header.alg === 'HS256' && this.secret) {
        ({ payload } = await jwtVerify(token, this.secret, { ...checks, algorithms: ['HS256'] }));
      } else if (this.keySet && (ACCEPTED_ALGORITHMS as readonly string[]).includes(header.alg)) {
        ({ payload } = await jwtVerify(token, this.keySet, { ...checks, algorithms: [...ACCEPTED_ALGORITHMS] }));
      } else {
        throw new InvalidTokenError(`tokens signed with ${quoted(header.alg)} are not accepted (${this.accepted()})`);
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw verificationFailure(error, expected, header);
    }
    return this.accessToken(payload);
  }

  private accessToken(payload: JWTPayload): AccessToken {
    // Both are numbers: jwtVerify required them and checked their type.
    const { exp, iat, sub } = payload as { exp: number; iat: number; sub?: unknown };
    if (iat > Math.floor(Date.now() / 1000) + ISSUED_AT_LEEWAY_SECONDS) {
      throw new InvalidTokenError(`the token was issued in the future (iat ${new Date(iat * 1000).toISOString()})`);
    }
    const lifetime = exp - iat;
    if (lifetime > this.config.maxLifetimeSeconds) {
      throw new InvalidTokenError(
        `the token lives ${lifetime} s (exp - iat), longer than the ${this.config.maxLifetimeSeconds} s this service accepts`,
      );
    }
    return {
      subject: typeof sub === 'string' ? sub : undefined,
      scopes: tokenScopes(payload as Record<string, unknown>),
      expiresAt: new Date(exp * 1000),
    };
  }

  private accepted(): string {
    return this.algorithms.length > 0
      ? `accepted: ${this.algorithms.join(', ')}`
      : 'this service has no key configured: set AUTH_JWKS_URL or AUTH_JWKS_FILE';
  }
}

function headerOf(token: string): { alg: string; kid?: string } {
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new InvalidTokenError('the token is not a JWT (header.payload.signature)');
  }
  if (typeof header.alg !== 'string' || token.split('.').length !== 3) {
    throw new InvalidTokenError('the token is not a JWT (header.payload.signature)');
  }
  return { alg: header.alg, kid: typeof header.kid === 'string' ? header.kid : undefined };
}

function keySetOf(config: AuthConfig, options: VerifierOptions): JWTVerifyGetKey | undefined {
  if (config.keys === undefined) return undefined;
  if ('keySet' in config.keys) return createLocalJWKSet(config.keys.keySet as unknown as JSONWebKeySet);
  const remote = createRemoteJWKSet(config.keys.url, {
    timeoutDuration: JWKS_FETCH_TIMEOUT_MS,
    ...(options.refetchCooldownMs !== undefined && { cooldownDuration: options.refetchCooldownMs }),
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // About the token: no key for its kid (after a fresh fetch), or several without a kid.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeySetUnavailableError(error);
    }
  };
}
