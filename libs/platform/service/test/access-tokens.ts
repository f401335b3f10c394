import { testAccess } from '../src/testing';

/** The scopes of the test app's default rule (its ServiceModule name is `test-app`). */
export const TEST_APP_SCOPES = ['test-app:read', 'test-app:write'];

/** The test apps' credentials: AUTH_JWT_SECRET and an `authorization` header (TEST_APP_SCOPES by default). */
export const { secret: TEST_AUTH_SECRET, authorized } = testAccess('test-app');
