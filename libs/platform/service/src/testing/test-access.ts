import { randomBytes } from 'node:crypto';

import { signAccessToken } from '../auth/sign-access-token';

/** A service's test credentials: the AUTH_JWT_SECRET its test apps run with, and headers they accept. */
export interface TestAccess {
  /** Random per test process, so that no test leans on a known key. */
  readonly secret: string;
  /** An `authorization` header with a token signed by `secret`; by default with the service's read and write scopes. */
  authorized(scopes?: readonly string[]): { authorization: string };
}

/** The test credentials of the service whose scopes are `<name>:read` and `<name>:write`. */
export function testAccess(name: string): TestAccess {
  const secret = randomBytes(32).toString('base64url');
  const defaultScopes = [`${name}:read`, `${name}:write`];
  return {
    secret,
    authorized: (scopes = defaultScopes) => ({ authorization: `Bearer ${signAccessToken({ secret, scopes })}` }),
  };
}
