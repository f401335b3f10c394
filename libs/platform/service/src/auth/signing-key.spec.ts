import { createPublicKey } from 'node:crypto';

import { generateSigningKey, jwkThumbprint, publicJwkOf, publicKeySet } from './signing-key';

describe('generateSigningKey', () => {
  it.each([
    ['ES256', { kty: 'EC', crv: 'P-256' }],
    ['RS256', { kty: 'RSA' }],
    ['EdDSA', { kty: 'OKP', crv: 'Ed25519' }],
  ] as const)('makes an %s pair whose kid is the thumbprint of its public key', (algorithm, type) => {
    const { privateJwk, publicJwk } = generateSigningKey(algorithm);
    expect(privateJwk).toMatchObject({ ...type, alg: algorithm, use: 'sig', kid: jwkThumbprint(publicJwk) });
    expect(privateJwk).toHaveProperty('d');
    expect(publicJwk).toMatchObject({ ...type, alg: algorithm, use: 'sig', kid: privateJwk.kid });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(publicJwk).not.toHaveProperty(member);
    expect(createPublicKey({ key: publicJwk, format: 'jwk' }).type).toBe('public');
  });

  it('gives a new key every time, and a key set of public keys only', () => {
    const [first, second] = [generateSigningKey(), generateSigningKey()];
    expect(first.privateJwk.kid).not.toBe(second.privateJwk.kid);
    expect(publicKeySet(first.privateJwk, second.publicJwk)).toEqual({ keys: [first.publicJwk, second.publicJwk] });
    expect(publicJwkOf(first.privateJwk)).toEqual(first.publicJwk);
  });

  it('computes the RFC 7638 thumbprint of its example key', () => {
    // RFC 7638 §3.1.
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(jwkThumbprint({ kty: 'RSA', n, e: 'AQAB' })).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});
