import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ConfigProblem, ConfigValidationError } from '../config/config-validation.error';
import { loadConfig } from '../config/load-config';
import { authConfig } from './auth-config';
import { generateSigningKey, publicKeySet } from './signing-key';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const pair = generateSigningKey();
const JWKS = JSON.stringify(publicKeySet(pair.privateJwk));

function problemsOf(env: Record<string, string>): readonly ConfigProblem[] {
  try {
    loadConfig([authConfig], env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

const config = (env: Record<string, string>) => loadConfig([authConfig], env).get(authConfig);

describe('authConfig', () => {
  it('reads a key set, the issuer, the audience and the lifetime', () => {
    expect(config({ AUTH_JWKS: JWKS, AUTH_ISSUER: 'mesh-dev-issuer' })).toEqual({
      keys: { keySet: { keys: [pair.publicJwk] } },
      issuer: 'mesh-dev-issuer',
      audience: undefined,
      maxLifetimeSeconds: 3600,
      devSecret: undefined,
      production: false,
    });
    const remote = config({
      AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'https://api.example/orders',
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '900',
      NODE_ENV: 'production',
    });
    expect(remote).toMatchObject({ audience: 'https://api.example/orders', maxLifetimeSeconds: 900, production: true });
    expect(remote.keys).toEqual({ url: new URL('https://idp.example/.well-known/jwks.json') });
  });

  it('reads the key set from AUTH_JWKS_FILE, as a Swarm config or a file of the development issuer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-auth-'));
    writeFileSync(join(dir, 'jwks.json'), `${JWKS}\n`);
    const loaded = config({ AUTH_JWKS_FILE: join(dir, 'jwks.json'), AUTH_ISSUER: 'mesh-dev-issuer' });
    expect(loaded.keys).toEqual({ keySet: { keys: [pair.publicJwk] } });
  });

  it('starts without any key outside production (closed), and with nothing to check needs no issuer', () => {
    expect(config({})).toMatchObject({ keys: undefined, issuer: undefined, production: false });
  });

  it('takes HS256 only as an explicit development option', () => {
    expect(config({ AUTH_DEV_HS256: 'true', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'dev' }).devSecret).toBe(SECRET);
    expect(problemsOf({ AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'dev' })).toEqual([
      {
        variable: 'AUTH_JWT_SECRET',
        message: expect.stringMatching(
          /^HS256 with a shared secret is a development option only: set AUTH_DEV_HS256=true/,
        ),
      },
    ]);
    expect(problemsOf({ AUTH_DEV_HS256: 'true', AUTH_ISSUER: 'dev' })).toEqual([
      { variable: 'AUTH_JWT_SECRET', message: 'is required with AUTH_DEV_HS256=true' },
    ]);
    expect(problemsOf({ AUTH_DEV_HS256: 'true', AUTH_JWT_SECRET: 'too-short', AUTH_ISSUER: 'dev' })).toEqual([
      { variable: 'AUTH_JWT_SECRET', message: expect.stringMatching(/^must be at least 32 characters .*openssl rand/) },
    ]);
  });

  it('refuses the HS256 option with NODE_ENV=production, and a production service without a key set', () => {
    expect(
      problemsOf({ NODE_ENV: 'production', AUTH_DEV_HS256: 'true', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'dev' }),
    ).toEqual([
      { variable: 'AUTH_DEV_HS256', message: expect.stringMatching(/^is refused with NODE_ENV=production/) },
      { variable: 'AUTH_JWKS_URL', message: expect.stringMatching(/^is required with NODE_ENV=production/) },
    ]);
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      {
        variable: 'AUTH_JWKS_URL',
        message:
          "is required with NODE_ENV=production (or AUTH_JWKS_FILE, a JWKS file): the public keys of the tokens' issuer",
      },
    ]);
  });

  it('needs AUTH_ISSUER with a key set, and one key set, not two', () => {
    expect(problemsOf({ AUTH_JWKS: JWKS })).toEqual([
      { variable: 'AUTH_ISSUER', message: 'is required to check tokens: the `iss` of the issuer that signs them' },
    ]);
    expect(problemsOf({ AUTH_JWKS: JWKS, AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'x' })).toEqual([
      { variable: 'AUTH_JWKS_URL', message: 'set either AUTH_JWKS_URL or AUTH_JWKS_FILE (AUTH_JWKS), not both' },
    ]);
  });

  it('fetches keys over https only, or http on this machine', () => {
    expect(problemsOf({ AUTH_JWKS_URL: 'http://idp.example/jwks', AUTH_ISSUER: 'x' })).toEqual([
      {
        variable: 'AUTH_JWKS_URL',
        message: expect.stringMatching(/^must be an https:\/\/ URL \(http:\/\/ only to 127\.0\.0\.1/),
      },
    ]);
    expect(config({ AUTH_JWKS_URL: 'http://127.0.0.1:4000/jwks', AUTH_ISSUER: 'x' }).keys).toBeDefined();
  });

  it('says what replaced AUTH_JWT_PUBLIC_KEY', () => {
    expect(problemsOf({ AUTH_JWT_PUBLIC_KEY: 'pem', AUTH_JWKS: JWKS, AUTH_ISSUER: 'x' })).toEqual([
      {
        variable: 'AUTH_JWT_PUBLIC_KEY',
        message:
          'is no longer read: publish the public key in a JSON Web Key Set and give AUTH_JWKS_URL or AUTH_JWKS_FILE',
      },
    ]);
  });

  it('refuses a key set that is not JSON, empty, private, symmetric, without kid, or of a refused type', () => {
    const jwks = (...keys: object[]) => JSON.stringify({ keys });
    const message = (text: string) => problemsOf({ AUTH_JWKS: text, AUTH_ISSUER: 'x' })[0]?.message;
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
    expect(message('{')).toMatch(/^must be a JSON Web Key Set \(\{"keys": \[ … \]\}\): /);
    expect(message(jwks())).toBe('must be a JSON Web Key Set with at least one key ({"keys": [ … ]})');
    expect(message(jwks(pair.privateJwk))).toBe(
      `key "${pair.privateJwk.kid}" holds private or symmetric key material ("d"): give the service public keys only`,
    );
    expect(message(jwks({ kty: 'oct', k: 'c2VjcmV0', kid: 'hs' }))).toBe(
      'key "hs" holds private or symmetric key material ("k"): give the service public keys only',
    );
    expect(message(jwks({ ...pair.publicJwk, kid: undefined }))).toBe(
      'key #1 has no "kid": tokens name the key that checks them, so every key needs one',
    );
    expect(message(jwks({ ...p384, kid: 'p384' }))).toBe(
      'key "p384" is EC P-384: accepted are RSA (RS256), EC P-256 (ES256) and Ed25519 (EdDSA)',
    );
    expect(message(jwks({ ...pair.publicJwk, alg: 'ES512' }))).toBe(
      `key "${pair.publicJwk.kid}" says "alg": "ES512", but an EC key verifies ES256 here`,
    );
    expect(message(jwks({ ...rsa1024, kid: 'small' }))).toBe('key "small" has 1024 bits: RS256 needs at least 2048');
  });

  it('gives a key without alg the one algorithm of its type', () => {
    const { alg: _alg, ...withoutAlg } = pair.publicJwk;
    expect(config({ AUTH_JWKS: JSON.stringify({ keys: [withoutAlg] }), AUTH_ISSUER: 'x' }).keys).toEqual({
      keySet: { keys: [{ ...withoutAlg, alg: 'ES256' }] },
    });
  });
});
