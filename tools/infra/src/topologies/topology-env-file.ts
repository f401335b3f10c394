import { rmSync } from 'node:fs';

import { writeEnvFile } from '../env-file';
import type { RedisTopologyKind } from './topology-types';

/**
 * .mesh/redis-cluster.env and .mesh/redis-sentinel.env: their own files, never .mesh/env, which
 * holds the single Redis that the services and tests use by default. A shell takes one in with
 * `set -a; . .mesh/redis-cluster.env; set +a`.
 */
export function writeTopologyEnvFile(file: string, kind: RedisTopologyKind, values: Record<string, string>): void {
  writeEnvFile(
    file,
    values,
    `# The local ${kind} of \`npm run infra:up -- ${kind}\` (tools/infra); load with: set -a; . ${file}; set +a`,
  );
}

export function removeEnvFileOf(file: string): void {
  rmSync(file, { force: true });
}
