import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';

import { signAccessToken } from './sign-access-token';
import { generateSigningKey, publicKeySet } from './signing-key';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const pair = generateSigningKey();
const request = { key: { privateJwk: pair.privateJwk }, issuer: 'mesh-dev-issuer', audience: 'orders' };

describe('signAccessToken', () => {
  it('signs with the issuer key (alg and kid in the header) iss, aud, sub, scope, iat and a one-hour exp', async () => {
    const token = signAccessToken({ ...request, scopes: ['orders:read', 'orders:write'], subject: 'dev' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT', kid: pair.privateJwk.kid });
    // Checked by the library the services use, against the public key set alone.
    const { payload } = await jwtVerify(token, createLocalJWKSet(publicKeySet(pair.privateJwk) as never), {
      issuer: 'mesh-dev-issuer',
      audience: 'orders',
    });
    expect(payload).toMatchObject({ scope: 'orders:read orders:write', sub: 'dev', aud: 'orders' });
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
  });

  it.each(['RS256', 'EdDSA'] as const)('signs %s with a key of that type', async (algorithm) => {
    const other = generateSigningKey(algorithm);
    const token = signAccessToken({ ...request, key: { privateJwk: other.privateJwk }, scopes: ['orders:read'] });
    const jwks = createLocalJWKSet(publicKeySet(other.privateJwk) as never);
    await expect(jwtVerify(token, jwks, { algorithms: [algorithm] })).resolves.toBeDefined();
  });

  it('writes several audiences as a list, takes the lifetime and iat given, and leaves sub out', async () => {
    const token = signAccessToken({
      ...request,
      audience: ['orders', 'customers'],
      scopes: ['orders:read'],
      expiresInSeconds: 90,
      issuedAt: 1_000_000,
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toEqual({
      iss: 'mesh-dev-issuer',
      aud: ['orders', 'customers'],
      iat: 1_000_000,
      exp: 1_000_090,
      scope: 'orders:read',
    });
  });

  it('signs HS256 with the development secret', async () => {
    const token = signAccessToken({ ...request, key: { secret: SECRET }, scopes: ['orders:read'] });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    await expect(jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] })).resolves.toBeDefined();
  });

  it('refuses a secret the services would refuse, no scopes or audience, names with spaces and a bad lifetime', () => {
    const scopes = ['orders:read'];
    expect(() => signAccessToken({ ...request, key: { secret: 'short' }, scopes })).toThrow(
      'signAccessToken: the secret has 5 characters; the services need at least 32',
    );
    expect(() => signAccessToken({ ...request, scopes: [] })).toThrow('scopes must be non-empty names without spaces');
    expect(() => signAccessToken({ ...request, scopes: ['orders:read orders:write'] })).toThrow(
      'scopes must be non-empty names without spaces',
    );
    expect(() => signAccessToken({ ...request, audience: [], scopes })).toThrow(
      'audience must be names without spaces',
    );
    expect(() => signAccessToken({ ...request, issuer: '', scopes })).toThrow('issuer must be a name without spaces');
    expect(() => signAccessToken({ ...request, scopes, expiresInSeconds: 0 })).toThrow(
      'expiresInSeconds must be a positive whole number, got 0',
    );
  });
});
