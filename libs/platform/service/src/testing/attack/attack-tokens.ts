import { generateKeyPairSync } from 'node:crypto';

import { signCompactJws } from '../../auth/jws';
import { publicJwkOf } from '../../auth/signing-key';
import { createTestIssuer, type TestIssuer } from '../test-issuer';

/** One row of the authorization matrix: a credential and the refusal it must get. */
export interface TokenAttack {
  readonly name: string;
  /** The `Authorization` header, or none. */
  readonly authorization?: string;
  readonly expected: 401 | 403;
}

export interface AttackTarget {
  /** The service's name: its realm, its audience and the prefix of its scopes. */
  readonly domain: string;
  /** The scope the operation needs. */
  readonly scope: string;
  /** Other domains of the mesh, whose audiences and scopes must not open this one. */
  readonly otherDomains: readonly string[];
}

const SECONDS_PER_HOUR = 3_600;
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Every way a token can fail to open `target` (OWASP's JWT attacks and RFC 8725's pitfalls):
 * missing, malformed, expired, too long-lived, from another issuer, for another audience, signed
 * with no algorithm, with the public key as an HMAC secret or another algorithm than its key's,
 * by a key not in the set, altered after signing (401); valid but without the scope (403).
 */
export function tokenAttacks(issuer: TestIssuer, target: AttackTarget): TokenAttack[] {
  const { domain, scope } = target;
  const now = Math.floor(Date.now() / 1_000);
  const token = (changes: Partial<Parameters<TestIssuer['sign']>[0]> = {}) =>
    issuer.sign({ scopes: [scope], audience: domain, subject: 'attacker', ...changes });
  const claims = { iss: issuer.issuer, sub: 'attacker', aud: domain, iat: now, exp: now + 600, scope };
  const { kid } = issuer.signingKey;
  const bearer = (value: string) => `Bearer ${value}`;
  const otherScopes = target.otherDomains.flatMap((other) => [`${other}:read`, `${other}:write`]);
  // A token for the sibling scope whose claims are then made to grant the one needed.
  const [header, payload, signature] = token({ scopes: [siblingScope(domain, scope)] }).split('.');
  const widened = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object), scope };
  return [
    { name: 'no token', expected: 401 },
    { name: 'not a JWT', authorization: bearer('not.a.jwt'), expected: 401 },
    { name: 'another scheme', authorization: 'Basic YXR0YWNrZXI6c2VjcmV0', expected: 401 },
    { name: 'expired', authorization: bearer(token({ issuedAt: now - 2 * SECONDS_PER_HOUR, expiresInSeconds: 600 })), expected: 401 },
    { name: 'lifetime over the maximum', authorization: bearer(token({ expiresInSeconds: 24 * SECONDS_PER_HOUR })), expected: 401 },
    { name: 'wrong issuer', authorization: bearer(token({ issuer: 'https://attacker.example' })), expected: 401 },
    {
      name: 'wrong audience',
      authorization: bearer(token({ audience: target.otherDomains.length > 0 ? [...target.otherDomains] : 'elsewhere' })),
      expected: 401,
    },
    { name: 'alg none', authorization: bearer(`${encode({ alg: 'none', typ: 'JWT', kid })}.${encode(claims)}.`), expected: 401 },
    {
      name: 'HS256 keyed with the public key',
      authorization: bearer(
        signCompactJws({ alg: 'HS256', typ: 'JWT', kid }, claims, { secret: JSON.stringify(publicJwkOf(issuer.signingKey)) }),
      ),
      expected: 401,
    },
    {
      name: "another algorithm than the key's",
      authorization: bearer(
        signCompactJws({ alg: issuer.signingKey.alg === 'RS256' ? 'ES256' : 'RS256', typ: 'JWT', kid }, claims, {
          privateKey: strangerKey(issuer.signingKey.alg === 'RS256' ? 'ES256' : 'RS256'),
        }),
      ),
      expected: 401,
    },
    {
      name: 'kid not in the key set',
      authorization: bearer(createTestIssuer(issuer.issuer).sign({ scopes: [scope], audience: domain, subject: 'attacker' })),
      expected: 401,
    },
    {
      name: 'claims altered after signing',
      authorization: bearer(`${header}.${encode(widened)}.${signature}`),
      expected: 401,
    },
    { name: 'missing scope', authorization: bearer(token({ scopes: [siblingScope(domain, scope)] })), expected: 403 },
    ...(otherScopes.length > 0
      ? [{ name: "other domains' scopes", authorization: bearer(token({ scopes: otherScopes })), expected: 403 as const }]
      : []),
  ];
}

/** A scope of the same domain that is not `scope`: read where write is needed, and the reverse. */
function siblingScope(domain: string, scope: string): string {
  return scope === `${domain}:read` ? `${domain}:write` : `${domain}:read`;
}

function strangerKey(algorithm: 'RS256' | 'ES256') {
  return algorithm === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}
