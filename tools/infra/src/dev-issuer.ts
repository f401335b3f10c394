import { createHash, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { InfraError } from './errors';
import { writeSecretFile } from './secret-file';

/** The `iss` of the development issuer's tokens; the local services' AUTH_ISSUER. */
export const DEV_ISSUER = 'mesh-dev-issuer';
/** Its private key (a JWK, owner-only): only `npm run mesh -- token`, `npm start` and nothing else sign with it. */
export const DEV_ISSUER_KEY_FILE = 'dev-issuer-key.json';
/** Its public key set: what the services read (AUTH_JWKS_FILE). */
export const DEV_JWKS_FILE = 'jwks.json';
/** The variables the services check tokens with (libs/platform/service, auth-config.ts). */
export const DEV_AUTH_VARIABLES = ['AUTH_JWKS_FILE', 'AUTH_ISSUER'] as const;
/** What the development secret of earlier versions left: HS256 is no longer the local default. */
const RETIRED_SECRET_FILE = 'auth-jwt-secret';
const RETIRED_SECRET_VARIABLE = 'AUTH_JWT_SECRET';

/** An ES256 private key as JWK, with the `kid` its tokens name. */
export interface DevSigningJwk extends JsonWebKey {
  readonly kid: string;
  readonly alg: 'ES256';
}

export interface DevIssuer {
  readonly issuer: string;
  readonly privateJwk: DevSigningJwk;
  /** Absolute path of the private key (mode 0600). */
  readonly keyFile: string;
  /** Absolute path of the public key set. */
  readonly jwksFile: string;
  /** For .mesh/env: AUTH_JWKS_FILE and AUTH_ISSUER. */
  readonly env: Record<(typeof DEV_AUTH_VARIABLES)[number], string>;
}

/**
 * The development issuer that `nx serve`, `npm start` and `npm run mesh -- token` agree on without
 * anyone exporting a key: an ES256 key pair made once per checkout under `.mesh/` (so dev tokens
 * outlive infra:down/up), the private half owner-only, the public half as the key set the services
 * check tokens against. No service gets the private key.
 */
export function devIssuer(meshDir: string): DevIssuer {
  const keyFile = join(meshDir, DEV_ISSUER_KEY_FILE);
  if (!existsSync(keyFile)) writeSecretFile(keyFile, `${JSON.stringify(newSigningJwk(), null, 2)}\n`);
  // A file copied in with a wider mode.
  chmodSync(keyFile, 0o600);
  const issuer = readDevIssuer(meshDir);
  // Written every time from the private key, so the two never disagree; public, so not 0600.
  const temporary = `${issuer.jwksFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ keys: [publicJwkOf(issuer.privateJwk)] }, null, 2)}\n`, { mode: 0o644 });
  renameSync(temporary, issuer.jwksFile);
  rmSync(join(meshDir, RETIRED_SECRET_FILE), { force: true });
  return issuer;
}

/** The issuer `infra:up` made, without making one: for the tools that sign tokens. */
export function readDevIssuer(meshDir: string): DevIssuer {
  const keyFile = join(meshDir, DEV_ISSUER_KEY_FILE);
  const jwksFile = join(meshDir, DEV_JWKS_FILE);
  if (!existsSync(keyFile)) {
    throw new InfraError(`there is no development issuer (${keyFile} is missing)`, {
      fix: 'npm run infra:up (it makes the key pair once and writes AUTH_JWKS_FILE and AUTH_ISSUER to .mesh/env)',
    });
  }
  const privateJwk = parseSigningJwk(readFileSync(keyFile, 'utf8'));
  if (!privateJwk) {
    throw new InfraError(`${keyFile} does not hold an ES256 private key (a P-256 JWK with kid)`, {
      fix: `rm ${keyFile} && npm run infra:up (a new key pair is made; tokens signed with the old key stop working)`,
    });
  }
  return {
    issuer: DEV_ISSUER,
    privateJwk,
    keyFile,
    jwksFile,
    env: { AUTH_JWKS_FILE: jwksFile, AUTH_ISSUER: DEV_ISSUER },
  };
}

/** .mesh/env without what earlier versions kept there for HS256. */
export function withoutRetiredSecret(env: Record<string, string>): Record<string, string> {
  const { [RETIRED_SECRET_VARIABLE]: _retired, ...rest } = env;
  return rest;
}

function newSigningJwk(): DevSigningJwk {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: thumbprint(jwk), alg: 'ES256', use: 'sig' };
}

function parseSigningJwk(text: string): DevSigningJwk | undefined {
  try {
    const jwk = JSON.parse(text) as Partial<DevSigningJwk>;
    const complete = [jwk.x, jwk.y, jwk.d, jwk.kid].every((member) => typeof member === 'string' && member !== '');
    return complete && jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.alg === 'ES256'
      ? (jwk as DevSigningJwk)
      : undefined;
  } catch {
    return undefined;
  }
}

function publicJwkOf({ kty, crv, x, y, kid, alg }: DevSigningJwk): JsonWebKey {
  return { kty, crv, x, y, kid, alg, use: 'sig' };
}

/** RFC 7638: the SHA-256 of the public members in lexical order, as the kid. */
function thumbprint({ crv, kty, x, y }: JsonWebKey): string {
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}
