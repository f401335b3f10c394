export { down, type DownResult } from './down';
export { readEnvFile } from './env-file';
export { describeError, InfraError } from './errors';
export { ALL_STORES, type BinaryOverrides, type InfraOptions, WORKSPACE_ROOT } from './options';
export { status, type StoreStatus } from './status';
export type { PostgresBinaries } from './stores/embedded-postgres-binaries';
export type { ServerKind, StartedServer, StoreKind, StoreResolution, StoreSource } from './stores/store-types';
export { up, type UpOptions, type UpResult } from './up';
