// What other tools reuse from the scenario's harness: an isolated mesh (its own databases, Redis
// and ports, a token issuer of its own whose key set it serves) that the benchmarks start as the
// scenario does, and the scenario kit (tools/e2e/kit) the e2e suites share with them.
export * from '../../kit/src';
export { CleanupStack } from './harness/cleanup-stack';
export { type IsolatedMesh, type IsolatedMeshOptions, startIsolatedMesh } from './harness/isolated-mesh';
export { MeshProcesses } from './harness/mesh-processes';
export { runMain } from './harness/run-main';
