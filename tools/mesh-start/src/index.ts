// What other tools reuse to run services as processes of their own (the e2e scenario, the bench).
// start-mesh.ts is the entry of `npm start` and is not exported.
export { buildServices, serviceMainFile, serviceSourceFile } from './build-services';
export { DEMO_SCOPES, demoAuthorization, type MeshAuth, meshAuth } from './demo-credentials';
export { formatLogLine, logPrefix } from './log-line';
export { type MeshService, serviceUrl } from './mesh-services';
export { waitUntilReady } from './readiness';
export { type ProcessExit, ServiceProcess } from './service-process';
