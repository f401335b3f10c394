import type { AcceptedAlgorithm, PublicKeySet } from '../auth/key-set';
import { type AccessTokenRequest, signAccessToken } from '../auth/sign-access-token';
import { generateSigningKey, type PrivateSigningJwk, publicKeySet } from '../auth/signing-key';

/** What a test asks for; the issuer and its current key fill in the rest unless given. */
export type TestTokenRequest = Omit<AccessTokenRequest, 'key' | 'issuer'> &
  Partial<Pick<AccessTokenRequest, 'key' | 'issuer'>>;

/**
 * An identity provider of a test's own: key pairs in memory, a key set to hand the services, and
 * tokens signed with the current key. Random per process, so that no test leans on a known key.
 */
export interface TestIssuer {
  /** The `iss` of its tokens, the services' AUTH_ISSUER. */
  readonly issuer: string;
  /** The key that signs now. */
  readonly signingKey: PrivateSigningJwk;
  /** The public keys, every one made so far (as an issuer publishes the next key beside the current one). */
  keySet(): PublicKeySet;
  sign(request: TestTokenRequest): string;
  /** A new key signs from now on; the old ones stay in the key set. */
  rotate(): PrivateSigningJwk;
}

export function createTestIssuer(issuer = 'mesh-test-issuer', algorithm: AcceptedAlgorithm = 'ES256'): TestIssuer {
  const keys: PrivateSigningJwk[] = [generateSigningKey(algorithm).privateJwk];
  const current = () => keys[keys.length - 1];
  return {
    issuer,
    get signingKey() {
      return current();
    },
    keySet: () => publicKeySet(...keys),
    sign: (request) => signAccessToken({ key: { privateJwk: current() }, issuer, ...request }),
    rotate: () => {
      keys.push(generateSigningKey(algorithm).privateJwk);
      return current();
    },
  };
}
