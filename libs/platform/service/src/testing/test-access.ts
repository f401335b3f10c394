import { createTestIssuer, type TestIssuer } from './test-issuer';

/** A service's test credentials: an issuer of its own, the variables that make a test app trust it, and headers. */
export interface TestAccess {
  readonly issuer: TestIssuer;
  /**
   * AUTH_JWKS (the issuer's public keys, as AUTH_JWKS_FILE would hold them) and AUTH_ISSUER, to
   * spread into a test app's `env`. A service process that also reads `.mesh/env` gets the key set
   * from a file or a URL instead (one of AUTH_JWKS, AUTH_JWKS_FILE, AUTH_JWKS_URL, never two).
   */
  readonly env: Readonly<{ AUTH_JWKS: string; AUTH_ISSUER: string }>;
  /**
   * An `authorization` header with a token for the service (its name is the audience, unless
   * another is given); by default with the service's read and write scopes.
   */
  authorized(scopes?: readonly string[], audience?: string | readonly string[]): { authorization: string };
}

/** The test credentials of the service whose scopes are `<name>:read` and `<name>:write`. */
export function testAccess(name: string): TestAccess {
  const issuer = createTestIssuer(`${name}-test-issuer`);
  const defaultScopes = [`${name}:read`, `${name}:write`];
  return {
    issuer,
    env: { AUTH_JWKS: JSON.stringify(issuer.keySet()), AUTH_ISSUER: issuer.issuer },
    authorized: (scopes = defaultScopes, audience = name) => ({
      authorization: `Bearer ${issuer.sign({ scopes, audience })}`,
    }),
  };
}
