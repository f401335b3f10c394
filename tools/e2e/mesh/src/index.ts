// What other tools reuse from the scenario's harness: an isolated mesh (its own databases, Redis
// and ports, a random JWT secret) that the benchmarks start as the scenario does.
export { ALL_SCOPES, signAccessToken } from './harness/access-tokens';
export { CleanupStack } from './harness/cleanup-stack';
export { type IsolatedMesh, type IsolatedMeshOptions, startIsolatedMesh } from './harness/isolated-mesh';
export { type DomainName, DOMAINS, MeshProcesses } from './harness/mesh-processes';
