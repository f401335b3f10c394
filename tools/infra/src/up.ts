import { mkdirSync } from 'node:fs';

import { type DevIssuer, devIssuer, withoutRetiredSecret } from './dev-issuer';
import { readEnvFile, writeEnvFile } from './env-file';
import { errorMessage } from './errors';
import { withInfraLock } from './infra-lock';
import { type InfraOptions, type InfraSettings, resolveSettings } from './options';
import { type InfraState, readState, writeState } from './state-file';
import { DRIVERS } from './stores/drivers';
import { resolveStore } from './stores/resolve-store';
import { isStillOurs } from './stores/server-ownership';
import { stopServer } from './stores/stop-server';
import type { StartedServer, StoreResolution } from './stores/store-types';

export interface UpOptions extends InfraOptions {
  /** Aborting stops what this `up` started, once the step under way ends. */
  signal?: AbortSignal;
}

export interface UpResult {
  stores: StoreResolution[];
  /** Servers this call started (not ones reused from an earlier `up`). */
  startedNow: StartedServer[];
  envFile: string;
  stateFile: string;
  /** The development issuer whose key set and `iss` went to .mesh/env (its key pair made once, kept in .mesh/). */
  devIssuer: DevIssuer;
}

/**
 * Resolves each store (environment, a server infra started earlier, a server on
 * the local port, or a newly started one), writes .mesh/env and records what it
 * started. On failure it stops what it started, so no store is left half up.
 * Calls for the same .mesh directory take turns (another process's too).
 */
export async function up(options: UpOptions = {}): Promise<UpResult> {
  const settings = resolveSettings(options);
  for (const dir of [settings.meshDir, settings.logDir, settings.runDir]) mkdirSync(dir, { recursive: true });
  return withInfraLock(settings.lockFile, () => upLocked(settings, options.signal), {
    log: settings.log,
    signal: options.signal,
  });
}

async function upLocked(settings: InfraSettings, signal: AbortSignal | undefined): Promise<UpResult> {
  const recorded = readState(settings.stateFile);
  const startedNow: StartedServer[] = [];
  const stores: StoreResolution[] = [];
  settings.log(`infra: resolving ${settings.stores.join(', ')} (state in ${settings.meshDir})`);
  try {
    for (const store of settings.stores) {
      signal?.throwIfAborted();
      const resolution = await resolveStore(DRIVERS[store], settings, recorded[store], (server) =>
        startedNow.push(server),
      );
      stores.push(resolution);
    }
    signal?.throwIfAborted();
  } catch (error) {
    const stillRunning = await rollBack(startedNow, settings);
    // A server that would not stop stays recorded, so that `infra:down` can stop it later.
    writeState(settings.stateFile, nextState(recorded, stillRunning));
    throw error;
  }
  writeState(settings.stateFile, nextState(recorded, startedNow));
  // Merged, so that `up redis` keeps the PostgreSQL and MongoDB URLs of an earlier full `up`.
  const env = Object.assign(
    withoutRetiredSecret(readEnvFile(settings.envFile)),
    ...stores.map((store) => store.env),
  ) as Record<string, string>;
  // Not a store, but what every local service needs beside them: the public keys of its access tokens.
  const issuer = devIssuer(settings.meshDir);
  Object.assign(env, issuer.env);
  writeEnvFile(settings.envFile, env);
  settings.log(`infra: wrote ${settings.envFile}`);
  return { stores, startedNow, envFile: settings.envFile, stateFile: settings.stateFile, devIssuer: issuer };
}

/** Earlier servers that still run stay recorded (an env URL may have won over one); new ones are added. */
function nextState(recorded: InfraState, startedNow: readonly StartedServer[]): InfraState {
  const state: InfraState = {};
  for (const server of Object.values(recorded)) if (isStillOurs(server)) state[server.store] = server;
  for (const server of startedNow) state[server.store] = server;
  return state;
}

/** Stops what this `up` started; returns the servers that could not be stopped. */
async function rollBack(started: readonly StartedServer[], settings: InfraSettings): Promise<StartedServer[]> {
  const stillRunning: StartedServer[] = [];
  for (const server of [...started].reverse()) {
    try {
      settings.log(`  ${server.store}: ${await stopServer(server)} (rolling back this up)`);
    } catch (error) {
      settings.log(`  ${server.store}: could not stop ${server.kind} pid ${server.pid}: ${errorMessage(error)}`);
      stillRunning.push(server);
    }
  }
  return stillRunning;
}
