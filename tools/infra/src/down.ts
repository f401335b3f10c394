import { DEV_AUTH_VARIABLES } from './dev-issuer';
import { readEnvFile, removeEnvKeys } from './env-file';
import { describeError, InfraError } from './errors';
import { withInfraLock } from './infra-lock';
import { type InfraOptions, type InfraSettings, resolveSettings } from './options';
import { readState, writeState } from './state-file';
import { ENV_KEYS } from './stores/drivers';
import { stopServer } from './stores/stop-server';
import type { StartedServer } from './stores/store-types';

export interface DownResult {
  stopped: StartedServer[];
}

/**
 * Stops only the servers recorded in .mesh/infra-state.json (never one infra
 * did not start), forgets them, and removes their URLs from .mesh/env.
 */
export async function down(options: InfraOptions = {}): Promise<DownResult> {
  const settings = resolveSettings(options);
  return withInfraLock(settings.lockFile, () => downLocked(settings), { log: settings.log });
}

async function downLocked(settings: InfraSettings): Promise<DownResult> {
  const state = readState(settings.stateFile);
  const stopped: StartedServer[] = [];
  const failures: string[] = [];
  settings.log(`infra: stopping what infra started (state in ${settings.meshDir})`);
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
  if (stopped.length === 0 && failures.length === 0) settings.log('infra: nothing that infra started is running');
  if (failures.length > 0) {
    throw new InfraError(`infra down could not stop everything (still in ${settings.stateFile}):\n${failures.join('\n')}`);
  }
  return { stopped };
}
