import { testAccess } from '@mesh/service/testing';

/** The customers test apps' credentials: AUTH_JWT_SECRET and an `authorization` header (both customers scopes by default). */
export const { secret: TEST_AUTH_SECRET, authorized } = testAccess('customers');
