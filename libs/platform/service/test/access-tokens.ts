import { randomBytes } from 'node:crypto';

import { signAccessToken } from '../src';

/** The AUTH_JWT_SECRET of every test app in this process: random, so no test leans on a known key. */
export const TEST_AUTH_SECRET = randomBytes(32).toString('base64url');

/** The scopes of the test app's default rule (its ServiceModule name is `test-app`). */
export const TEST_APP_SCOPES = ['test-app:read', 'test-app:write'];

/** An `authorization` header with a token the test app accepts, for `app.inject({ headers })` and fetch. */
export function authorized(scopes: readonly string[] = TEST_APP_SCOPES): { authorization: string } {
  return { authorization: `Bearer ${signAccessToken({ secret: TEST_AUTH_SECRET, scopes })}` };
}
