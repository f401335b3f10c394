import { testAccess } from '../src/testing';

/** The scopes of the test app's default rule (its ServiceModule name is `test-app`, also its audience). */
export const TEST_APP_SCOPES = ['test-app:read', 'test-app:write'];

/**
 * The test apps' credentials: an issuer of this test process (`TEST_ISSUER`), the variables that
 * make a test app trust it (`TEST_AUTH_ENV`: AUTH_JWKS and AUTH_ISSUER), and an `authorization`
 * header (TEST_APP_SCOPES by default).
 */
export const { env: TEST_AUTH_ENV, authorized, issuer: TEST_ISSUER } = testAccess('test-app');
