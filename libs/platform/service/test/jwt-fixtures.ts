import { JwtService } from '@nestjs/jwt';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** An RSA key pair as an identity provider would hold it; the service gets only the public PEM. */
export function rsaKeyPair(modulusLength = 2048): { privateKey: KeyObject; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Any JWT, signed as told: for tokens signAccessToken would never make (RS256, no exp, odd claims). */
export function signJwt(
  claims: Record<string, unknown>,
  key: { secret: string } | { privateKey: KeyObject },
  options: { expiresInSeconds?: number } = { expiresInSeconds: 600 },
): string {
  const jwt = 'secret' in key ? new JwtService({ secret: key.secret }) : new JwtService({ privateKey: key.privateKey });
  return jwt.sign(claims, {
    algorithm: 'secret' in key ? 'HS256' : 'RS256',
    ...(options.expiresInSeconds !== undefined && { expiresIn: options.expiresInSeconds }),
  });
}

/** A token with `alg: none` and no signature, the oldest trick against JWT libraries. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** Seconds since the epoch, as JWT claims count time. */
export function epochSeconds(offsetSeconds = 0): number {
  return Math.floor(Date.now() / 1000) + offsetSeconds;
}
