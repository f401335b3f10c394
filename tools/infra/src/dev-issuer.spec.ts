import { createHash, createPublicKey, createVerify, sign } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeTempRoot } from '../test/infra-test-kit';
import { DEV_ISSUER, devIssuer, readDevIssuer, withoutRetiredSecret } from './dev-issuer';
import { InfraError } from './errors';

describe('devIssuer', () => {
  const root = makeTempRoot('dev-issuer');
  const keyFile = join(root.dir, 'dev-issuer-key.json');
  const jwksFile = join(root.dir, 'jwks.json');

  afterAll(() => root.remove());

  it('makes an ES256 key pair once: the private key owner-only, the public key set beside it', () => {
    const issuer = devIssuer(root.dir);
    expect(issuer).toMatchObject({ issuer: DEV_ISSUER, keyFile, jwksFile });
    expect(issuer.env).toEqual({ AUTH_JWKS_FILE: jwksFile, AUTH_ISSUER: 'mesh-dev-issuer' });
    expect(issuer.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: expect.any(String) });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(devIssuer(root.dir).privateJwk).toEqual(issuer.privateJwk);
  });

  it('publishes the public half only, under the kid the private key signs with', () => {
    const { privateJwk } = devIssuer(root.dir);
    const jwks = JSON.parse(readFileSync(jwksFile, 'utf8')) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: privateJwk.x,
      y: privateJwk.y,
      kid: privateJwk.kid,
      alg: 'ES256',
      use: 'sig',
    });
    const data = Buffer.from('header.payload');
    const signature = sign('sha256', data, { key: privateJwk, format: 'jwk' });
    const publicKey = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    expect(createVerify('sha256').update(data).verify(publicKey, signature)).toBe(true);
  });

  it('names its key by the RFC 7638 thumbprint of the public key', () => {
    const { privateJwk } = devIssuer(root.dir);
    const canonical = `{"crv":"P-256","kty":"EC","x":"${privateJwk.x}","y":"${privateJwk.y}"}`;
    expect(privateJwk.kid).toBe(createHash('sha256').update(canonical).digest('base64url'));
  });

  it('narrows a key file that was readable by others, and removes the retired HS256 secret', () => {
    const { privateJwk } = devIssuer(root.dir);
    chmodSync(keyFile, 0o644);
    writeFileSync(join(root.dir, 'auth-jwt-secret'), 'an-old-development-secret-0123456789abcdef\n');
    expect(devIssuer(root.dir).privateJwk).toEqual(privateJwk);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(root.dir, 'auth-jwt-secret'))).toBe(false);
    expect(withoutRetiredSecret({ AUTH_JWT_SECRET: 'x', REDIS_URL: 'redis://' })).toEqual({ REDIS_URL: 'redis://' });
  });

  it('refuses a key file that holds no ES256 private key, saying how to get a new one', () => {
    writeFileSync(keyFile, '{"kty":"oct","k":"c2VjcmV0"}\n');
    expect(() => devIssuer(root.dir)).toThrow(InfraError);
    expect(() => devIssuer(root.dir)).toThrow(
      expect.objectContaining({ fix: expect.stringContaining(`rm ${keyFile}`) }),
    );
  });

  it('is not made by the tools that only read it', () => {
    const empty = makeTempRoot('no-dev-issuer');
    try {
      expect(() => readDevIssuer(empty.dir)).toThrow(
        expect.objectContaining({ fix: expect.stringContaining('npm run infra:up') }),
      );
      expect(existsSync(join(empty.dir, 'dev-issuer-key.json'))).toBe(false);
    } finally {
      empty.remove();
    }
  });
});
