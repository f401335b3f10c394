import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { InfraError } from './errors';

/** The variable the services read their HS256 key from (libs/platform/service, auth-config.ts). */
export const AUTH_SECRET_VARIABLE = 'AUTH_JWT_SECRET';
const MIN_LENGTH = 32;

/**
 * The HS256 secret the local services share, so that `nx serve`, `npm start` and
 * `npm run mesh -- token` agree without anyone exporting it. Made once per checkout, kept in
 * `.mesh/auth-jwt-secret` (gitignored, owner-only): dev tokens stay valid across infra:down/up.
 */
export function devAuthSecret(meshDir: string): string {
  const file = join(meshDir, 'auth-jwt-secret');
  try {
    // 'wx': of two `up`s at once, one creates the file and both read the same secret.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A file made before secrets were kept owner-only, or copied in with a wider mode.
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_LENGTH || /\s/.test(secret)) {
    throw new InfraError(`${file} does not hold a usable secret (at least ${MIN_LENGTH} characters, no spaces)`, {
      fix: `rm ${file} && npm run infra:up (a new secret is made; tokens signed with the old one stop working)`,
    });
  }
  return secret;
}
