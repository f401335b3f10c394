import { createHmac, createPrivateKey, type JsonWebKey, type KeyObject, sign } from 'node:crypto';

/** The algorithms tokens are signed with here: the accepted asymmetric ones, and HS256 for the development option. */
export type JwsAlgorithm = 'RS256' | 'ES256' | 'EdDSA' | 'HS256';

export interface JwsHeader {
  readonly alg: JwsAlgorithm | string;
  readonly kid?: string;
  readonly typ?: string;
}

/** A private key as JWK, a KeyObject, or the shared secret of HS256. */
export type JwsKey =
  { readonly privateJwk: JsonWebKey } | { readonly privateKey: KeyObject } | { readonly secret: string };

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A compact JWS (RFC 7515 §7.1) of any header and claims, signed with node:crypto, synchronously:
 * tests sign tokens in expressions (`headers: authorized()`), and tools sign without a library.
 * The header's `alg` decides the signature, so a test can also sign what a service must refuse.
 */
export function signCompactJws(header: JwsHeader, claims: Record<string, unknown>, key: JwsKey): string {
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${signature(header.alg, input, key).toString('base64url')}`;
}

function signature(algorithm: string, input: string, key: JwsKey): Buffer {
  if ('secret' in key) {
    if (algorithm !== 'HS256') throw new Error(`signCompactJws: a secret signs HS256, not ${algorithm}`);
    return createHmac('sha256', key.secret).update(input).digest();
  }
  const privateKey = 'privateKey' in key ? key.privateKey : createPrivateKey({ key: key.privateJwk, format: 'jwk' });
  const data = Buffer.from(input);
  if (algorithm === 'RS256') return sign('sha256', data, privateKey);
  // JWS wants the two 32-byte halves of the ECDSA signature side by side, not DER (RFC 7518 §3.4).
  if (algorithm === 'ES256') return sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  if (algorithm === 'EdDSA') return sign(null, data, privateKey);
  throw new Error(`signCompactJws: cannot sign ${algorithm} with a private key`);
}
