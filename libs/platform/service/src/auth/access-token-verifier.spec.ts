import { createPublicKey } from 'node:crypto';

import { epochSeconds, rsaKeyPair, signJwt, unsignedJwt } from '../../test/jwt-fixtures';
import { AccessTokenVerifier } from './access-token-verifier';
import { InvalidTokenError } from './invalid-token.error';
import { signAccessToken } from './sign-access-token';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const OTHER_SECRET = 'another-secret-that-is-long-enough-for-hs256';
const rsa = rsaKeyPair();
const hs256Only = new AccessTokenVerifier({ secret: SECRET, production: false });
const both = new AccessTokenVerifier({
  secret: SECRET,
  publicKey: createPublicKey(rsa.publicKeyPem),
  production: false,
});

function refusal(verifier: AccessTokenVerifier, token: string): string {
  try {
    verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.message;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('AccessTokenVerifier', () => {
  it('accepts an HS256 token of the secret, with its subject, scopes and expiry', () => {
    const token = signAccessToken({
      secret: SECRET,
      scopes: ['orders:read', 'orders:write'],
      subject: 'dev',
      expiresInSeconds: 60,
    });
    const verified = hs256Only.verify(token);
    expect(verified.subject).toBe('dev');
    expect([...verified.scopes]).toEqual(['orders:read', 'orders:write']);
    expect(Math.abs(verified.expiresAt.getTime() - (Date.now() + 60_000))).toBeLessThan(2_000);
  });

  it('reads scopes from an scp list too', () => {
    const token = signJwt({ scp: ['customers:read'], scope: 'orders:read' }, { secret: SECRET });
    expect([...hs256Only.verify(token).scopes].sort()).toEqual(['customers:read', 'orders:read']);
  });

  it('refuses an expired token, saying when it expired', () => {
    const token = signJwt({ scope: 'orders:read', exp: epochSeconds(-30) }, { secret: SECRET }, {});
    expect(refusal(hs256Only, token)).toMatch(/^the token expired at \d{4}-\d\d-\d\dT/);
  });

  it('refuses a token that is not valid yet', () => {
    const token = signJwt({ scope: 'orders:read', nbf: epochSeconds(300) }, { secret: SECRET });
    expect(refusal(hs256Only, token)).toMatch(/^the token is not valid before /);
  });

  it('refuses a token signed with another secret', () => {
    const token = signAccessToken({ secret: OTHER_SECRET, scopes: ['orders:read'] });
    expect(refusal(hs256Only, token)).toBe(
      'the token signature does not match (another key, or the token was altered)',
    );
  });

  it('refuses a token whose claims were altered after signing', () => {
    const [header, , signature] = signAccessToken({ secret: SECRET, scopes: ['orders:read'] }).split('.');
    const forged = Buffer.from(JSON.stringify({ scope: 'orders:write', exp: epochSeconds(600) })).toString('base64url');
    expect(refusal(hs256Only, `${header}.${forged}.${signature}`)).toMatch(/signature does not match/);
  });

  it('refuses alg none, whatever the claims', () => {
    expect(refusal(both, unsignedJwt({ scope: 'orders:write', exp: epochSeconds(600) }))).toBe(
      'tokens signed with "none" are not accepted (accepted: HS256, RS256)',
    );
  });

  it('refuses a token without exp: access tokens must expire', () => {
    const token = signJwt({ scope: 'orders:read' }, { secret: SECRET }, {});
    expect(refusal(hs256Only, token)).toBe('the token has no exp claim: access tokens must expire');
  });

  it('refuses what is not a JWT', () => {
    expect(refusal(hs256Only, 'not-a-jwt')).toBe('the token is not a JWT (header.payload.signature)');
    expect(refusal(hs256Only, 'a.b.c')).toBe('the token is not a JWT (header.payload.signature)');
  });

  it('accepts RS256 tokens of the configured public key', () => {
    const token = signJwt({ scope: 'analytics:read', sub: 'idp-user' }, { privateKey: rsa.privateKey });
    expect(both.verify(token)).toMatchObject({ subject: 'idp-user', scopes: new Set(['analytics:read']) });
  });

  it('refuses RS256 when no public key is configured', () => {
    const token = signJwt({ scope: 'analytics:read' }, { privateKey: rsa.privateKey });
    expect(refusal(hs256Only, token)).toBe('tokens signed with "RS256" are not accepted (accepted: HS256)');
  });

  it('refuses an RS256 token of another key pair', () => {
    const token = signJwt({ scope: 'analytics:read' }, { privateKey: rsaKeyPair().privateKey });
    expect(refusal(both, token)).toMatch(/signature does not match/);
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', () => {
    const token = signJwt({ scope: 'orders:write' }, { secret: rsa.publicKeyPem });
    expect(refusal(both, token)).toMatch(/signature does not match/);
  });

  it('refuses everything, and says why, when no key is configured', () => {
    const closed = new AccessTokenVerifier({ production: false });
    expect(closed.algorithms).toEqual([]);
    expect(refusal(closed, signAccessToken({ secret: SECRET, scopes: ['orders:read'] }))).toBe(
      'tokens signed with "HS256" are not accepted (this service has no key configured: set AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY)',
    );
  });
});
