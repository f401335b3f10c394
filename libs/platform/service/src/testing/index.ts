// Test helpers for services' tests (`@mesh/service/testing`). Never imported by production code.
export { type TestAccess, testAccess } from './test-access';
