import { signAccessToken } from '@mesh/service';
import { randomBytes } from 'node:crypto';

/** AUTH_JWT_SECRET of the orders test apps: random per test process, so no test leans on a known key. */
export const TEST_AUTH_SECRET = randomBytes(32).toString('base64url');

/** An `authorization` header the orders test apps accept; by default with both orders scopes. */
export function authorized(scopes: readonly string[] = ['orders:read', 'orders:write']): { authorization: string } {
  return { authorization: `Bearer ${signAccessToken({ secret: TEST_AUTH_SECRET, scopes })}` };
}
