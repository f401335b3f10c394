import { type JwsAlgorithm, type JwsKey, signCompactJws } from '../src/auth/jws';
import type { PrivateSigningJwk } from '../src/auth/signing-key';

/**
 * Any JWT, with the claims and header given: for tokens signAccessToken would never make (no exp,
 * no aud, an algorithm the key set must refuse). `key` is the issuer's private JWK (its kid and alg
 * go into the header unless `header` says otherwise) or an HS256 secret.
 */
export function signJwt(
  claims: Record<string, unknown>,
  key: PrivateSigningJwk | { secret: string },
  header: { alg?: JwsAlgorithm; kid?: string } = {},
): string {
  const secret = typeof key.secret === 'string' ? key.secret : undefined;
  const signing: JwsKey = secret !== undefined ? { secret } : { privateJwk: key };
  const alg = header.alg ?? (secret !== undefined ? 'HS256' : (key as PrivateSigningJwk).alg);
  const kid = 'kid' in header ? header.kid : secret !== undefined ? undefined : (key as PrivateSigningJwk).kid;
  return signCompactJws({ alg, typ: 'JWT', ...(kid !== undefined && { kid }) }, claims, signing);
}

/** A token with `alg: none` and no signature, the oldest trick against JWT libraries. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** Seconds since the epoch, as JWT claims count time. */
export function epochSeconds(offsetSeconds = 0): number {
  return Math.floor(Date.now() / 1000) + offsetSeconds;
}
