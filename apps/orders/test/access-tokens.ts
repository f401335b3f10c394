import { testAccess } from '@mesh/service/testing';

/** The orders test apps' credentials: AUTH_JWT_SECRET and an `authorization` header (both orders scopes by default). */
export const { secret: TEST_AUTH_SECRET, authorized } = testAccess('orders');
