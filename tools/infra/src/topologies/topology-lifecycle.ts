import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { errorMessage, InfraError } from '../errors';
import { withInfraLock } from '../infra-lock';
import { type InfraOptions, type InfraSettings, resolveSettings } from '../options';
import { readTopologies, writeTopologies } from '../state-file';
import { isStillOurs } from '../stores/server-ownership';
import { stopServer } from '../stores/stop-server';
import type { StartedServer } from '../stores/store-types';
import { removeEnvFileOf, writeTopologyEnvFile } from './topology-env-file';
import type { RedisTopologyKind, StartedTopology } from './topology-types';

/** What differs between a cluster and a sentinel setup; the reuse and roll-back rules live here. */
export interface TopologyDriver<Options extends InfraOptions, Setup> {
  kind: RedisTopologyKind;
  /** Starts every member into `dataDir`, registering each through `onStarted`, and waits until it all works. */
  start(context: TopologyContext<Options>, onStarted: (server: StartedServer) => void): Promise<void>;
  /** Throws, saying what is wrong, unless the recorded setup still works as a whole. */
  check(context: TopologyContext<Options>, members: readonly StartedServer[]): Promise<void>;
  /** The variables of its env file. */
  env(members: readonly StartedServer[], options: Options): Record<string, string>;
  /** What the caller gets: nodes with their current roles, pids, the env. */
  describe(context: TopologyContext<Options>, topology: StartedTopology, reused: boolean): Promise<Setup>;
}

export interface TopologyContext<Options> {
  settings: InfraSettings;
  options: Options;
  /** Parent of the members' data directories: .mesh/<kind>. */
  dataDir: string;
}

/**
 * Reuses the setup an earlier call started when every member still runs and it works as a
 * whole; otherwise stops what is left of it and starts a new one (fresh data: a cluster's
 * nodes.conf or a sentinel's rewritten config would name the old ports). A failed start stops
 * what it started. Runs under the same lock as `up` and `down`.
 */
export async function ensureTopology<Options extends InfraOptions, Setup>(
  driver: TopologyDriver<Options, Setup>,
  options: Options,
): Promise<Setup> {
  const settings = resolveSettings(options);
  for (const dir of [settings.meshDir, settings.logDir, settings.runDir]) mkdirSync(dir, { recursive: true });
  const context: TopologyContext<Options> = { settings, options, dataDir: join(settings.meshDir, driver.kind) };
  return withInfraLock(settings.lockFile, () => ensureLocked(driver, context), { log: settings.log });
}

async function ensureLocked<Options extends InfraOptions, Setup>(
  driver: TopologyDriver<Options, Setup>,
  context: TopologyContext<Options>,
): Promise<Setup> {
  const { settings } = context;
  const recorded = readTopologies(settings.stateFile)[driver.kind];
  if (recorded !== undefined) {
    const reason = await whyNotReusable(driver, context, recorded);
    if (reason === undefined) {
      settings.log(`  ${driver.kind}: started earlier by infra, still running; reused`);
      writeTopologyEnvFile(recorded.envFile, driver.kind, driver.env(recorded.members, context.options));
      return driver.describe(context, recorded, true);
    }
    settings.log(`  ${driver.kind}: the one started earlier is not usable (${reason}); starting anew`);
    await stopTopology(recorded, settings.log);
    forget(settings.stateFile, driver.kind);
  }

  rmSync(context.dataDir, { recursive: true, force: true });
  mkdirSync(context.dataDir, { recursive: true });
  const members: StartedServer[] = [];
  try {
    await driver.start(context, (server) => members.push(server));
  } catch (error) {
    const left = await stopMembers(members, settings.log);
    // A member that would not stop stays recorded, so that `infra:down` can stop it later.
    if (left.length > 0) record(settings.stateFile, topologyOf(driver.kind, context, left));
    throw error;
  }
  const topology = topologyOf(driver.kind, context, members);
  record(settings.stateFile, topology);
  writeTopologyEnvFile(topology.envFile, driver.kind, driver.env(members, context.options));
  settings.log(`  ${driver.kind}: wrote ${topology.envFile}`);
  return driver.describe(context, topology, false);
}

async function whyNotReusable<Options extends InfraOptions, Setup>(
  driver: TopologyDriver<Options, Setup>,
  context: TopologyContext<Options>,
  recorded: StartedTopology,
): Promise<string | undefined> {
  const gone = recorded.members.filter((member) => !isStillOurs(member));
  if (gone.length > 0) return `${gone.map((member) => `${member.kind} ${member.port}`).join(', ')} no longer running`;
  try {
    await driver.check(context, recorded.members);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Stops every member that is still ours (sentinels first: they must not fail over a master that is stopping). */
export async function stopTopology(topology: StartedTopology, log: (line: string) => void): Promise<void> {
  const left = await stopMembers(topology.members, log);
  if (left.length > 0) {
    throw new InfraError(
      `${topology.topology}: could not stop ${left.map((member) => `pid ${member.pid}`).join(', ')}`,
      { fix: `kill ${left.map((member) => member.pid).join(' ')}` },
    );
  }
  removeEnvFileOf(topology.envFile);
}

async function stopMembers(members: readonly StartedServer[], log: (line: string) => void): Promise<StartedServer[]> {
  const left: StartedServer[] = [];
  const stopAll = async (group: readonly StartedServer[]): Promise<void> => {
    await Promise.all(
      group.map(async (member) => {
        try {
          log(`  redis: ${await stopServer(member)}`);
        } catch (error) {
          log(`  redis: could not stop ${member.kind} pid ${member.pid}: ${errorMessage(error)}`);
          left.push(member);
        }
      }),
    );
  };
  await stopAll(members.filter((member) => member.kind === 'redis-sentinel'));
  await stopAll(members.filter((member) => member.kind !== 'redis-sentinel'));
  return left;
}

function topologyOf(
  kind: RedisTopologyKind,
  context: TopologyContext<unknown>,
  members: StartedServer[],
): StartedTopology {
  return {
    topology: kind,
    members,
    envFile: join(context.settings.meshDir, `${kind}.env`),
    dataDir: context.dataDir,
    startedAt: new Date().toISOString(),
  };
}

function record(stateFile: string, topology: StartedTopology): void {
  writeTopologies(stateFile, { ...readTopologies(stateFile), [topology.topology]: topology });
}

function forget(stateFile: string, kind: RedisTopologyKind): void {
  const topologies = readTopologies(stateFile);
  delete topologies[kind];
  writeTopologies(stateFile, topologies);
}
