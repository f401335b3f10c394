import { epochSeconds, signJwt, unsignedJwt } from '../../test/jwt-fixtures';
import { createTestIssuer } from '../testing/test-issuer';
import { AccessTokenVerifier } from './access-token-verifier';
import type { AuthConfig } from './auth-config';
import { InvalidTokenError } from './invalid-token.error';
import { generateSigningKey } from './signing-key';

const ISSUER = 'https://idp.example';
const idp = createTestIssuer(ISSUER);
const SECRET = 'a-development-secret-that-is-long-enough';

function verifierFor(config: Partial<AuthConfig> = {}, name = 'orders'): AccessTokenVerifier {
  const base: AuthConfig = {
    keys: { keySet: idp.keySet() },
    issuer: ISSUER,
    maxLifetimeSeconds: 3600,
    production: false,
  };
  return new AccessTokenVerifier({ ...base, ...config }, name);
}

const orders = verifierFor();

async function refusal(verifier: AccessTokenVerifier, token: string): Promise<string> {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.message;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

/** Claims as the issuer would sign them for orders; each test breaks one. */
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: 'orders',
  iat: epochSeconds(),
  exp: epochSeconds(600),
  scope: 'orders:read',
  ...extra,
});

describe('AccessTokenVerifier against a key set', () => {
  it('accepts a token of the issuer for this audience, with its subject, scopes and expiry', async () => {
    const token = idp.sign({
      audience: 'orders',
      scopes: ['orders:read', 'orders:write'],
      subject: 'dev',
      expiresInSeconds: 60,
    });
    const verified = await orders.verify(token);
    expect(verified.subject).toBe('dev');
    expect([...verified.scopes]).toEqual(['orders:read', 'orders:write']);
    expect(Math.abs(verified.expiresAt.getTime() - (Date.now() + 60_000))).toBeLessThan(2_000);
  });

  it.each(['RS256', 'EdDSA'] as const)('accepts %s from a key of that type', async (algorithm) => {
    const other = createTestIssuer(ISSUER, algorithm);
    const token = other.sign({ audience: 'orders', scopes: ['orders:read'] });
    await expect(verifierFor({ keys: { keySet: other.keySet() } }).verify(token)).resolves.toMatchObject({
      scopes: new Set(['orders:read']),
    });
  });

  it('accepts an aud list that includes the service, and reads scopes from scp too', async () => {
    const token = signJwt(claims({ aud: ['customers', 'orders'], scp: ['customers:read'] }), idp.signingKey);
    expect([...(await orders.verify(token)).scopes].sort()).toEqual(['customers:read', 'orders:read']);
  });

  it('takes AUTH_AUDIENCE over the service name', async () => {
    const token = idp.sign({ audience: 'https://api.example/orders', scopes: ['orders:read'] });
    await expect(verifierFor({ audience: 'https://api.example/orders' }).verify(token)).resolves.toBeDefined();
    expect(await refusal(orders, token)).toBe('the token is for "https://api.example/orders", not for "orders"');
  });

  it('refuses a token for another audience', async () => {
    const token = idp.sign({ audience: 'customers', scopes: ['orders:write'] });
    expect(await refusal(orders, token)).toBe('the token is for "customers", not for "orders"');
    const list = idp.sign({ audience: ['customers', 'analytics'], scopes: ['orders:write'] });
    expect(await refusal(orders, list)).toBe('the token is for "[\\"customers\\",\\"analytics\\"]", not for "orders"');
  });

  it('refuses a token of another issuer, even one signed with a key of the set', async () => {
    const token = signJwt(claims({ iss: 'https://evil.example' }), idp.signingKey);
    expect(await refusal(orders, token)).toBe(
      'the token was issued by "https://evil.example", not by "https://idp.example"',
    );
  });

  it.each([
    ['exp', 'the token has no exp claim: access tokens must expire'],
    ['iat', 'the token has no iat claim: its lifetime cannot be checked'],
    ['iss', 'the token has no iss claim: this service accepts tokens issued by "https://idp.example"'],
    ['aud', 'the token has no aud claim: this service accepts tokens for "orders"'],
  ])('refuses a token without %s', async (claim, message) => {
    const token = signJwt({ ...claims(), [claim]: undefined }, idp.signingKey);
    expect(await refusal(orders, token)).toBe(message);
  });

  it('refuses a token that lives longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS', async () => {
    const token = idp.sign({ audience: 'orders', scopes: ['orders:read'], expiresInSeconds: 7200 });
    expect(await refusal(orders, token)).toBe(
      'the token lives 7200 s (exp - iat), longer than the 3600 s this service accepts',
    );
    await expect(verifierFor({ maxLifetimeSeconds: 7200 }).verify(token)).resolves.toBeDefined();
  });

  it('refuses a token issued in the future, whose lifetime would not bound anything', async () => {
    const token = signJwt(claims({ iat: epochSeconds(86_400), exp: epochSeconds(86_400 + 600) }), idp.signingKey);
    expect(await refusal(orders, token)).toMatch(/^the token was issued in the future \(iat \d{4}-/);
  });

  it('refuses an expired token, saying when it expired', async () => {
    const token = idp.sign({
      audience: 'orders',
      scopes: ['orders:read'],
      issuedAt: epochSeconds(-120),
      expiresInSeconds: 60,
    });
    expect(await refusal(orders, token)).toMatch(/^the token expired at \d{4}-\d\d-\d\dT/);
  });

  it('refuses a token that is not valid yet', async () => {
    const token = signJwt(claims({ nbf: epochSeconds(300) }), idp.signingKey);
    expect(await refusal(orders, token)).toMatch(/^the token is not valid before /);
  });

  it('refuses a kid the key set does not hold', async () => {
    const stranger = generateSigningKey().privateJwk;
    const token = signJwt(claims(), stranger);
    expect(await refusal(orders, token)).toBe(
      `no ES256 key "${stranger.kid.slice(0, 40)}…" in the key set this service checks tokens with (a key of another issuer, or one retired)`,
    );
  });

  it('refuses a token signed by another key under a kid of the set', async () => {
    const token = signJwt(claims(), generateSigningKey().privateJwk, { kid: idp.signingKey.kid });
    expect(await refusal(orders, token)).toBe(
      'the token signature does not match (another key, or the token was altered)',
    );
  });

  it('refuses a token whose claims were altered after signing', async () => {
    const [header, , signature] = idp.sign({ audience: 'orders', scopes: ['orders:read'] }).split('.');
    const forged = Buffer.from(JSON.stringify(claims({ scope: 'orders:write' }))).toString('base64url');
    expect(await refusal(orders, `${header}.${forged}.${signature}`)).toMatch(/signature does not match/);
  });

  it('refuses HS256 against a key set, whatever its secret (the public key as HMAC key included)', async () => {
    const confused = signJwt(claims(), { secret: JSON.stringify(idp.keySet().keys[0]) }, { kid: idp.signingKey.kid });
    expect(await refusal(orders, confused)).toBe(
      'tokens signed with "HS256" are not accepted (accepted: RS256, ES256, EdDSA)',
    );
  });

  it('refuses alg none, whatever the claims', async () => {
    expect(await refusal(orders, unsignedJwt(claims()))).toBe(
      'tokens signed with "none" are not accepted (accepted: RS256, ES256, EdDSA)',
    );
  });

  it('pins the algorithm to the key: an RS256 header on the kid of an EC key finds no key', async () => {
    const rsa = generateSigningKey('RS256').privateJwk;
    const token = signJwt(claims(), rsa, { alg: 'RS256', kid: idp.signingKey.kid });
    expect(await refusal(orders, token)).toMatch(/^no RS256 key ".*" in the key set/);
  });

  it('refuses what is not a JWT', async () => {
    expect(await refusal(orders, 'not-a-jwt')).toBe('the token is not a JWT (header.payload.signature)');
    expect(await refusal(orders, 'a.b.c')).toBe('the token is not a JWT (header.payload.signature)');
  });

  it('refuses everything, and says why, when no key is configured', async () => {
    const closed = verifierFor({ keys: undefined, issuer: undefined });
    expect(closed.algorithms).toEqual([]);
    expect(await refusal(closed, idp.sign({ audience: 'orders', scopes: ['orders:read'] }))).toBe(
      'tokens signed with "ES256" are not accepted (this service has no key configured: set AUTH_JWKS_URL or AUTH_JWKS_FILE)',
    );
  });
});

describe('AccessTokenVerifier with the HS256 development option', () => {
  const dev = verifierFor({ keys: undefined, devSecret: SECRET, issuer: 'mesh-dev' });

  it('accepts HS256 tokens of the secret, still checking iss, aud and lifetime', async () => {
    const hs256 = (extra: Record<string, unknown> = {}) =>
      signJwt(claims({ iss: 'mesh-dev', ...extra }), { secret: SECRET });
    await expect(dev.verify(hs256())).resolves.toMatchObject({ scopes: new Set(['orders:read']) });
    expect(await refusal(dev, hs256({ aud: 'customers' }))).toBe('the token is for "customers", not for "orders"');
    expect(await refusal(dev, hs256({ exp: epochSeconds(7200) }))).toMatch(/^the token lives 7200 s/);
  });

  it('refuses HS256 tokens of another secret, and tokens of a key pair', async () => {
    const other = signJwt(claims({ iss: 'mesh-dev' }), { secret: `${SECRET}-but-another` });
    expect(await refusal(dev, other)).toMatch(/signature does not match/);
    expect(await refusal(dev, idp.sign({ audience: 'orders', scopes: ['orders:read'] }))).toBe(
      'tokens signed with "ES256" are not accepted (accepted: HS256)',
    );
  });
});
