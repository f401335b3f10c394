import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { z } from 'zod';

import { errorMessage } from '../error-message';

/** What a service accepts from an identity provider: asymmetric signatures only, never HS* or `none`. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;
export type AcceptedAlgorithm = (typeof ACCEPTED_ALGORITHMS)[number];

/** A JSON Web Key Set (RFC 7517 §5) of public keys, each with its `kid` and the one algorithm it verifies. */
export interface PublicKeySet {
  readonly keys: readonly PublicJwk[];
}

export interface PublicJwk extends JsonWebKey {
  readonly kid: string;
  readonly alg: AcceptedAlgorithm;
}

const MIN_RSA_BITS = 2048;
/** Members that only a private or a symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Each key type verifies one algorithm: the key decides, not the token's header. */
function algorithmOf(jwk: JsonWebKey): AcceptedAlgorithm | string {
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return `${String(jwk.kty)}${jwk.crv ? ` ${String(jwk.crv)}` : ''}`;
}

/**
 * AUTH_JWKS (usually read from the file AUTH_JWKS_FILE names): the JSON of a key set whose keys
 * are public, named by `kid`, and of an accepted type. A key without `alg` gets the one its type
 * allows, so that each key verifies exactly one algorithm.
 */
export function toPublicKeySet(text: string, context: z.RefinementCtx): PublicKeySet {
  const problem = (message: string) => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return problem(`must be a JSON Web Key Set ({"keys": [ … ]}): ${errorMessage(error)}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    return problem('must be a JSON Web Key Set with at least one key ({"keys": [ … ]})');
  }
  const accepted: PublicJwk[] = [];
  for (const [index, key] of keys.entries()) {
    const checked = publicJwk(key, index);
    if (typeof checked === 'string') return problem(checked);
    accepted.push(checked);
  }
  return { keys: accepted };
}

/** The key, ready to verify with, or what is wrong with it. */
function publicJwk(key: unknown, index: number): PublicJwk | string {
  if (typeof key !== 'object' || key === null) return `key #${index + 1} is not a JSON object`;
  const jwk = key as JsonWebKey & { kid?: unknown; use?: unknown };
  const name = typeof jwk.kid === 'string' && jwk.kid !== '' ? `key "${jwk.kid}"` : `key #${index + 1}`;
  const secret = PRIVATE_MEMBERS.find((member) => member in jwk);
  if (secret !== undefined) {
    return `${name} holds private or symmetric key material ("${secret}"): give the service public keys only`;
  }
  if (typeof jwk.kid !== 'string' || jwk.kid === '') {
    return `${name} has no "kid": tokens name the key that checks them, so every key needs one`;
  }
  if (jwk.use !== undefined && jwk.use !== 'sig')
    return `${name} is not a signature key ("use": ${JSON.stringify(jwk.use)})`;
  const algorithm = algorithmOf(jwk);
  if (!(ACCEPTED_ALGORITHMS as readonly string[]).includes(algorithm)) {
    return `${name} is ${algorithm}: accepted are RSA (RS256), EC P-256 (ES256) and Ed25519 (EdDSA)`;
  }
  if (jwk.alg !== undefined && jwk.alg !== algorithm)
    return `${name} says "alg": "${jwk.alg}", but an ${jwk.kty} key verifies ${algorithm} here`;
  try {
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    const bits = publicKey.asymmetricKeyDetails?.modulusLength;
    if (bits !== undefined && bits < MIN_RSA_BITS)
      return `${name} has ${bits} bits: RS256 needs at least ${MIN_RSA_BITS}`;
  } catch (error) {
    return `${name} is not a usable public key: ${errorMessage(error)}`;
  }
  return { ...jwk, kid: jwk.kid, alg: algorithm as AcceptedAlgorithm };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** AUTH_JWKS_URL: https, or http on this machine (a development issuer) — keys fetched in clear could be swapped. */
export function jwksUrl() {
  return z.url('must be a URL').transform((text, context): URL => {
    const url = new URL(text);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
    context.addIssue({
      code: 'custom',
      message:
        'must be an https:// URL (http:// only to 127.0.0.1, [::1] or localhost): keys fetched in clear could be swapped',
    });
    return z.NEVER;
  });
}
