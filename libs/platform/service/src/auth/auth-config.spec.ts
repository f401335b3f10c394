import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { rsaKeyPair } from '../../test/jwt-fixtures';
import { type ConfigProblem,ConfigValidationError } from '../config/config-validation.error';
import { loadConfig } from '../config/load-config';
import { authConfig, enabledAlgorithms } from './auth-config';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const { publicKeyPem } = rsaKeyPair();

function problemsOf(env: Record<string, string>): readonly ConfigProblem[] {
  try {
    loadConfig([authConfig], env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('authConfig', () => {
  it('enables HS256 with a secret, RS256 with a public key, both with both, none with neither', () => {
    const config = (env: Record<string, string>) => loadConfig([authConfig], env).get(authConfig);
    expect(enabledAlgorithms(config({ AUTH_JWT_SECRET: SECRET }))).toEqual(['HS256']);
    expect(enabledAlgorithms(config({ AUTH_JWT_PUBLIC_KEY: publicKeyPem }))).toEqual(['RS256']);
    expect(enabledAlgorithms(config({ AUTH_JWT_SECRET: SECRET, AUTH_JWT_PUBLIC_KEY: publicKeyPem }))).toEqual([
      'HS256',
      'RS256',
    ]);
    expect(config({})).toEqual({ production: false });
    expect(config({ NODE_ENV: 'production' }).production).toBe(true);
  });

  it('reads both from <NAME>_FILE, as Swarm secrets are mounted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-auth-'));
    writeFileSync(join(dir, 'secret'), `${SECRET}\n`);
    writeFileSync(join(dir, 'key.pem'), publicKeyPem);
    const config = loadConfig([authConfig], {
      AUTH_JWT_SECRET_FILE: join(dir, 'secret'),
      AUTH_JWT_PUBLIC_KEY_FILE: join(dir, 'key.pem'),
    }).get(authConfig);
    expect(config.secret).toBe(SECRET);
    expect(config.publicKey?.asymmetricKeyType).toBe('rsa');
  });

  it('accepts a PEM whose line breaks are written as \\n on one line', () => {
    const oneLine = publicKeyPem.trim().replace(/\n/g, '\\n');
    expect(loadConfig([authConfig], { AUTH_JWT_PUBLIC_KEY: oneLine }).get(authConfig).publicKey?.type).toBe('public');
  });

  it('refuses a secret shorter than 256 bits', () => {
    expect(problemsOf({ AUTH_JWT_SECRET: 'too-short' })).toEqual([
      { variable: 'AUTH_JWT_SECRET', message: expect.stringMatching(/^must be at least 32 characters .*openssl rand/) },
    ]);
  });

  it('refuses a public key that is not a PEM, not RSA, too small or private', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const privatePem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(problemsOf({ AUTH_JWT_PUBLIC_KEY: 'hello' })[0]?.message).toMatch(
      /^must be a PEM public key \(-----BEGIN PUBLIC KEY-----\): /,
    );
    expect(problemsOf({ AUTH_JWT_PUBLIC_KEY: ec })[0]?.message).toBe('must be an RSA key for RS256, not ec');
    expect(problemsOf({ AUTH_JWT_PUBLIC_KEY: small })[0]?.message).toBe('must be at least 2048 bits, not 1024');
    expect(problemsOf({ AUTH_JWT_PUBLIC_KEY: privatePem })[0]?.message).toBe(
      'holds a private key: give the service the public key only',
    );
  });
});
