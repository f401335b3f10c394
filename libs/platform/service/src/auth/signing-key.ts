import { createHash, generateKeyPairSync, type JsonWebKey } from 'node:crypto';

import type { AcceptedAlgorithm, PublicJwk, PublicKeySet } from './key-set';

/** A private key in JWK form, as an issuer keeps it: `kid` and `alg` name the public key that checks its tokens. */
export interface PrivateSigningJwk extends JsonWebKey {
  readonly kid: string;
  readonly alg: AcceptedAlgorithm;
}

export interface SigningKeyPair {
  /** Stays with the issuer (a file of mode 0600, a test's memory). */
  readonly privateJwk: PrivateSigningJwk;
  /** Goes into the key set the services read. */
  readonly publicJwk: PublicJwk;
}

/** The members each key type's RFC 7638 thumbprint hashes, in their lexical order. */
const THUMBPRINT_MEMBERS: Record<string, readonly string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
};

/** A fresh key pair for an issuer; its `kid` is the public key's RFC 7638 thumbprint. */
export function generateSigningKey(algorithm: AcceptedAlgorithm = 'ES256'): SigningKeyPair {
  const { privateKey } =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : algorithm === 'RS256'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = jwkThumbprint(jwk);
  const privateJwk: PrivateSigningJwk = { ...jwk, kid, alg: algorithm, use: 'sig' } as PrivateSigningJwk;
  return { privateJwk, publicJwk: publicJwkOf(privateJwk) };
}

/** The public half of a private JWK: its type's public members, `kid`, `alg` and `use`. */
export function publicJwkOf(privateJwk: PrivateSigningJwk): PublicJwk {
  const members = THUMBPRINT_MEMBERS[privateJwk.kty ?? ''] ?? [];
  const record = privateJwk as unknown as Record<string, unknown>;
  const publicMembers = Object.fromEntries(members.map((member) => [member, record[member]]));
  return { ...publicMembers, kid: privateJwk.kid, alg: privateJwk.alg, use: 'sig' } as PublicJwk;
}

/** The key set the services get: public keys only. */
export function publicKeySet(...keys: ReadonlyArray<PrivateSigningJwk | PublicJwk>): PublicKeySet {
  return { keys: keys.map((key) => publicJwkOf(key as PrivateSigningJwk)) };
}

/** RFC 7638: SHA-256 of the required public members, as JSON in lexical order without spaces. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const members = THUMBPRINT_MEMBERS[jwk.kty ?? ''];
  if (!members) throw new Error(`jwkThumbprint: no thumbprint for key type ${String(jwk.kty)}`);
  const record = jwk as Record<string, unknown>;
  const canonical = `{${members.map((member) => `"${member}":${JSON.stringify(record[member])}`).join(',')}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}
