export {
  DEV_ISSUER,
  DEV_ISSUER_KEY_FILE,
  DEV_JWKS_FILE,
  type DevIssuer,
  devIssuer,
  type DevSigningJwk,
  readDevIssuer,
} from './dev-issuer';
export { down, type DownResult } from './down';
export { readEnvFile } from './env-file';
export { describeError, InfraError } from './errors';
export {
  checkRegistry,
  databaseName,
  databaseVariable,
  MESH_REGISTRY_FILE,
  type MeshRegistry,
  readMeshRegistry,
  type RegisteredDomain,
} from './mesh-registry';
export { ALL_STORES, type BinaryOverrides, type InfraOptions, WORKSPACE_ROOT } from './options';
export { pingMongo, waitUntilAnswering } from './probe';
export { type ReadWorkspaceFile, REGISTRY_FILES, REGISTRY_INPUTS, renderRegistryFiles } from './registry-files/registry-files';
export { staleRegistryFiles, writeRegistryFiles } from './registry-files/workspace-registry-files';
export { writeSecretFile } from './secret-file';
export { status, type StoreStatus } from './status';
export { startAgain } from './stores/detached-server';
export type { PostgresBinaries } from './stores/embedded-postgres-binaries';
export { type MongoServerCommand, ownMongoServerCommand } from './stores/mongo-command';
export type { ServerKind, StartedServer, StoreKind, StoreResolution, StoreSource } from './stores/store-types';
export { ensureRedisCluster, type RedisCluster, type RedisClusterOptions } from './topologies/redis-cluster';
export {
  DEFAULT_SENTINEL_MASTER,
  ensureRedisSentinel,
  type RedisSentinelOptions,
  type RedisSentinelSetup,
} from './topologies/redis-sentinel';
export {
  type AdminCredentials,
  ALL_TOPOLOGIES,
  type RedisNode,
  type RedisTopologyKind,
  type StartedTopology,
} from './topologies/topology-types';
export { up, type UpOptions, type UpResult } from './up';
