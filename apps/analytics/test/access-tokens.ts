import { testAccess } from '@mesh/service/testing';

/** The analytics test apps' credentials: AUTH_JWT_SECRET and an `authorization` header (both analytics scopes by default). */
export const { secret: TEST_AUTH_SECRET, authorized } = testAccess('analytics');
