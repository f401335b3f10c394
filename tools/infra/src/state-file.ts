import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { StartedServer, StoreKind } from './stores/store-types';
import type { RedisTopologyKind, StartedTopology } from './topologies/topology-types';

/** The servers infra started, by store: the only ones `down` may stop. */
export type InfraState = Partial<Record<StoreKind, StartedServer>>;

/** The multi-process Redis setups infra started (`up redis-cluster`, `up redis-sentinel`). */
export type TopologyState = Partial<Record<RedisTopologyKind, StartedTopology>>;

interface StateFileContent {
  version: 1;
  started: InfraState;
  /** Absent in files written before topologies existed. */
  topologies?: TopologyState;
}

export function readState(file: string): InfraState {
  return readContent(file).started;
}

export function readTopologies(file: string): TopologyState {
  return readContent(file).topologies ?? {};
}

/** Writes the stores' state, keeping the topologies; with nothing started at all, removes the file. */
export function writeState(file: string, started: InfraState): void {
  writeContent(file, { version: 1, started, topologies: readContent(file).topologies ?? {} });
}

/** Writes the topologies' state, keeping the stores'. */
export function writeTopologies(file: string, topologies: TopologyState): void {
  writeContent(file, { version: 1, started: readContent(file).started, topologies });
}

function readContent(file: string): StateFileContent {
  if (!existsSync(file)) return { version: 1, started: {} };
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON; stop its servers by hand and delete it`, { cause: error });
  }
  if (!isStateFileContent(content)) {
    throw new Error(`${file} has an unknown layout; stop its servers by hand and delete it`);
  }
  return content;
}

function writeContent(file: string, content: StateFileContent): void {
  const topologies = content.topologies ?? {};
  if (Object.keys(content.started).length === 0 && Object.keys(topologies).length === 0) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  // Without topologies the file stays as it was before they existed.
  const written = Object.keys(topologies).length === 0 ? { version: 1, started: content.started } : content;
  writeFileSync(`${file}.tmp`, JSON.stringify(written, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}

function isStateFileContent(value: unknown): value is StateFileContent {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { version?: unknown; started?: unknown; topologies?: unknown };
  return (
    candidate.version === 1 &&
    typeof candidate.started === 'object' &&
    candidate.started !== null &&
    (candidate.topologies === undefined || (typeof candidate.topologies === 'object' && candidate.topologies !== null))
  );
}
