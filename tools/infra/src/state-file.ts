import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { StartedServer, StoreKind } from './stores/store-types';

/** The servers infra started, by store: the only ones `down` may stop. */
export type InfraState = Partial<Record<StoreKind, StartedServer>>;

interface StateFileContent {
  version: 1;
  started: InfraState;
}

export function readState(file: string): InfraState {
  if (!existsSync(file)) return {};
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON; stop its servers by hand and delete it`, { cause: error });
  }
  if (!isStateFileContent(content)) {
    throw new Error(`${file} has an unknown layout; stop its servers by hand and delete it`);
  }
  return content.started;
}

/** Writes the state; with nothing started, removes the file. */
export function writeState(file: string, started: InfraState): void {
  if (Object.keys(started).length === 0) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const content: StateFileContent = { version: 1, started };
  writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}

function isStateFileContent(value: unknown): value is StateFileContent {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { version?: unknown; started?: unknown };
  return candidate.version === 1 && typeof candidate.started === 'object' && candidate.started !== null;
}
