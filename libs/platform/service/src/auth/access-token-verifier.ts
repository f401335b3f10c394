import { JwtService } from '@nestjs/jwt';

import type { AccessToken } from './access-token';
import { type AuthConfig, enabledAlgorithms, type TokenAlgorithm } from './auth-config';
import { InvalidTokenError } from './invalid-token.error';
import { tokenScopes } from './token-scopes';

/**
 * Checks access tokens with the configured keys. The algorithm is looked up in the token's
 * header only to pick the key; each key verifies with its own algorithm alone, so `none`, an
 * algorithm without a key, or an HS256 token signed with the RSA public key are all refused.
 */
export class AccessTokenVerifier {
  readonly algorithms: readonly TokenAlgorithm[];
  private readonly verifiers: ReadonlyMap<string, JwtService>;
  private readonly decoder = new JwtService();

  constructor(config: AuthConfig) {
    this.algorithms = enabledAlgorithms(config);
    const verifiers = new Map<string, JwtService>();
    if (config.secret) {
      verifiers.set('HS256', new JwtService({ secret: config.secret, verifyOptions: { algorithms: ['HS256'] } }));
    }
    if (config.publicKey) {
      verifiers.set('RS256', new JwtService({ publicKey: config.publicKey, verifyOptions: { algorithms: ['RS256'] } }));
    }
    this.verifiers = verifiers;
  }

  /** @throws InvalidTokenError saying what is wrong with the token. */
  verify(token: string): AccessToken {
    const algorithm = this.algorithmOf(token);
    const verifier = this.verifiers.get(algorithm);
    if (!verifier) {
      // The header is the caller's text: quoted and cut short before it reaches the answer.
      throw new InvalidTokenError(
        `tokens signed with ${JSON.stringify(algorithm.slice(0, 20))} are not accepted (${this.accepted()})`,
      );
    }
    let claims: unknown;
    try {
      claims = verifier.verify(token);
    } catch (error) {
      throw new InvalidTokenError(verificationFailure(error));
    }
    return accessToken(claims);
  }

  private algorithmOf(token: string): string {
    const decoded: unknown = this.decoder.decode(token, { complete: true });
    const header =
      typeof decoded === 'object' && decoded !== null ? (decoded as { header?: { alg?: unknown } }).header : undefined;
    if (typeof header?.alg !== 'string') {
      throw new InvalidTokenError('the token is not a JWT (header.payload.signature)');
    }
    return header.alg;
  }

  private accepted(): string {
    return this.algorithms.length > 0
      ? `accepted: ${this.algorithms.join(', ')}`
      : 'this service has no key configured: set AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY';
  }
}

function accessToken(claims: unknown): AccessToken {
  if (typeof claims !== 'object' || claims === null)
    throw new InvalidTokenError('the token payload is not a JSON object');
  const { exp, sub } = claims as Record<string, unknown>;
  // jsonwebtoken checks exp only when present; a token that never expires is refused here.
  if (typeof exp !== 'number') throw new InvalidTokenError('the token has no exp claim: access tokens must expire');
  return {
    subject: typeof sub === 'string' ? sub : undefined,
    scopes: tokenScopes(claims as Record<string, unknown>),
    expiresAt: new Date(exp * 1000),
  };
}

/** jsonwebtoken's errors, as a caller can act on them. */
function verificationFailure(error: unknown): string {
  const { name, message, expiredAt, date } = error as {
    name?: string;
    message?: string;
    expiredAt?: Date;
    date?: Date;
  };
  if (name === 'TokenExpiredError' && expiredAt) return `the token expired at ${expiredAt.toISOString()}`;
  if (name === 'NotBeforeError' && date) return `the token is not valid before ${date.toISOString()}`;
  if (message === 'invalid signature')
    return 'the token signature does not match (another key, or the token was altered)';
  return `the token is invalid: ${message ?? String(error)}`;
}
