// Test helpers for services' tests (`@mesh/service/testing`). Never imported by production code.
export * from './attack';
export { type JwksServer, serveJwks } from './jwks-server';
export { type TestAccess, testAccess } from './test-access';
export { createTestIssuer, type TestIssuer, type TestTokenRequest } from './test-issuer';
