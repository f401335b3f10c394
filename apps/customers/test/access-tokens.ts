import { testAccess } from '@mesh/service/testing';

/**
 * The customers test apps' credentials: an issuer of this test process (TEST_ACCESS.issuer), the
 * variables that make a test app trust it (TEST_AUTH_ENV: AUTH_JWKS and AUTH_ISSUER), and an
 * `authorization` header with a token for customers (both customers scopes by default).
 */
export const TEST_ACCESS = testAccess('customers');
export const { env: TEST_AUTH_ENV, authorized } = TEST_ACCESS;
