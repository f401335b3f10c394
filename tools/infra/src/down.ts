import { DEV_AUTH_VARIABLES } from './dev-issuer';
import { readEnvFile, removeEnvKeys } from './env-file';
import { describeError, InfraError } from './errors';
import { withInfraLock } from './infra-lock';
import { type InfraOptions, type InfraSettings, resolveSettings } from './options';
import { readState, readTopologies, writeState, writeTopologies } from './state-file';
import { ENV_KEYS } from './stores/drivers';
import { stopServer } from './stores/stop-server';
import type { StartedServer } from './stores/store-types';
import { stopTopology } from './topologies/topology-lifecycle';
import { ALL_TOPOLOGIES, type RedisTopologyKind, type StartedTopology } from './topologies/topology-types';

export interface DownResult {
  stopped: StartedServer[];
  /** Clusters and sentinel setups stopped (every member infra started). */
  stoppedTopologies: StartedTopology[];
}

/**
 * Stops only the servers recorded in .mesh/infra-state.json (never one infra
 * did not start), forgets them, and removes their URLs from .mesh/env.
 */
export async function down(options: InfraOptions = {}): Promise<DownResult> {
  const settings = resolveSettings(options);
  // Named stores alone leave the topologies running; no names at all stop everything.
  const topologies = options.topologies ?? (options.stores === undefined ? ALL_TOPOLOGIES : []);
  return withInfraLock(settings.lockFile, () => downLocked(settings, topologies), { log: settings.log });
}

async function downLocked(settings: InfraSettings, topologies: readonly RedisTopologyKind[]): Promise<DownResult> {
  settings.log(`infra: stopping what infra started (state in ${settings.meshDir})`);
  const failures: string[] = [];
  const stoppedTopologies = await stopTopologies(settings, topologies, failures);
  const state = readState(settings.stateFile);
  const stopped: StartedServer[] = [];
  // Reverse order of `up`, so a store is stopped before the ones started ahead of it.
  for (const store of [...settings.stores].reverse()) {
    const server = state[store];
    if (server === undefined) continue;
    try {
      settings.log(`  ${store}: ${await stopServer(server)}`);
      stopped.push(server);
      delete state[store];
    } catch (error) {
      failures.push(`${store}: ${describeError(error)}`);
    }
  }
  writeState(settings.stateFile, state);
  removeEnvKeys(settings.envFile, stopped.flatMap((server) => ENV_KEYS[server.store]));
  // Once no store is left, the issuer's variables go too, so no .mesh/env remains (its keys stay in .mesh/).
  const auth: readonly string[] = DEV_AUTH_VARIABLES;
  if (Object.keys(readEnvFile(settings.envFile)).every((key) => auth.includes(key))) {
    removeEnvKeys(settings.envFile, DEV_AUTH_VARIABLES);
  }
  if (stopped.length === 0 && stoppedTopologies.length === 0 && failures.length === 0) settings.log('infra: nothing that infra started is running');
  if (failures.length > 0) {
    throw new InfraError(`infra down could not stop everything (still in ${settings.stateFile}):\n${failures.join('\n')}`);
  }
  return { stopped, stoppedTopologies };
}

/** Stops each named topology infra started, forgets it and removes its env file. */
async function stopTopologies(
  settings: InfraSettings,
  kinds: readonly RedisTopologyKind[],
  failures: string[],
): Promise<StartedTopology[]> {
  const recorded = readTopologies(settings.stateFile);
  const stopped: StartedTopology[] = [];
  for (const kind of kinds) {
    const topology = recorded[kind];
    if (topology === undefined) continue;
    try {
      await stopTopology(topology, settings.log);
      stopped.push(topology);
      delete recorded[kind];
    } catch (error) {
      failures.push(`${kind}: ${describeError(error)}`);
    }
  }
  writeTopologies(settings.stateFile, recorded);
  return stopped;
}
