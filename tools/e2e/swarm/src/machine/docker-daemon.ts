import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { eventually } from '../../../kit/src/eventually';
import { dockerResult } from '../shell/docker';
import { run } from '../shell/run';
import { installPackages, type PackageInstallation } from './debian-packages';

export interface DockerDaemon {
  /** True when this run started dockerd, so it must stop it again. */
  readonly startedHere: boolean;
  /** What this run installed (docker.io and its dependencies), when it did. */
  readonly installation?: PackageInstallation;
  readonly version: string;
  /** dockerd's output, when this run started it. */
  readonly logFile?: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const RUN_DIRECTORY = '/var/run/docker';
const STOP_TIMEOUT_MS = 30_000;

/**
 * A Docker daemon that answers: the one running, or `dockerd` started here (Debian's docker.io
 * is installed first when there is none). Starting and installing need root.
 */
export async function ensureDockerDaemon(logDirectory: string, log: (line: string) => void): Promise<DockerDaemon> {
  const running = await serverVersion();
  if (running) return { startedHere: false, version: running, stop: async () => undefined };
  requireRoot('start dockerd');
  const installation = await installDockerWhenMissing(log);
  // dockerd leaves its run-time state here; gone again after stop() when this run made it.
  const runDirectoryExisted = existsSync(RUN_DIRECTORY);
  const logFile = join(logDirectory, 'mesh-swarm-e2e-dockerd.log');
  log(`no Docker daemon answers: starting dockerd (log: ${logFile})`);
  const output = openSync(logFile, 'a');
  const daemon = spawn('dockerd', [], { detached: true, stdio: ['ignore', output, output] });
  let spawnError: Error | undefined;
  daemon.once('error', (error) => (spawnError = error));
  closeSync(output);
  daemon.unref();
  const answer = async () => {
    if (spawnError) throw new Error(`cannot run dockerd (PATH ${process.env.PATH})`, { cause: spawnError });
    if (daemon.exitCode !== null) throw new Error(`dockerd exited with ${daemon.exitCode}; see ${logFile}`);
    return serverVersion();
  };
  const version = (await eventually(answer, (answered) => Boolean(answered), START_TIMEOUT_MS, 500)).result;
  if (!version) throw new Error(`dockerd did not answer within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`);
  return {
    startedHere: true,
    installation,
    version,
    logFile,
    stop: async () => {
      daemon.kill('SIGTERM');
      const exited = () => Promise.resolve(daemon.exitCode !== null || daemon.signalCode !== null);
      if (!(await eventually(exited, (gone) => gone, STOP_TIMEOUT_MS, 250)).settled)
        throw new Error(`dockerd (pid ${daemon.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
      if (!runDirectoryExisted) rmSync(RUN_DIRECTORY, { recursive: true, force: true });
    },
  };
}

async function serverVersion(): Promise<string | undefined> {
  try {
    const result = await dockerResult(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 });
    return result.code === 0 ? result.stdout.trim() : undefined;
  } catch {
    // No docker client at all: the installation below brings one.
    return undefined;
  }
}

async function installDockerWhenMissing(log: (line: string) => void): Promise<PackageInstallation | undefined> {
  if ((await run('sh', ['-c', 'command -v dockerd'])).code === 0 || existsSync('/usr/sbin/dockerd')) return undefined;
  log('dockerd is not installed: apt-get install docker.io (Debian)');
  // The images, volumes and swarm state under these go with the packages when the run ends.
  const installation = await installPackages(['docker.io'], {
    paths: ['/var/lib/docker', '/var/lib/containerd', '/etc/docker', '/run/containerd'],
    groups: ['docker'],
  });
  log(`  installed ${installation.packages.join(', ')}`);
  return installation;
}

/**
 * Adds the system's administration directories to PATH (for this process and what it starts):
 * Debian installs dockerd, runc and iptables under /usr/sbin and /sbin, which a non-login PATH
 * lacks, and dockerd finds runc and iptables through its own PATH.
 */
export function withAdministrationPrograms(env: NodeJS.ProcessEnv): void {
  const directories = (env['PATH'] ?? '').split(':').filter(Boolean);
  const missing = ['/usr/local/sbin', '/usr/sbin', '/sbin'].filter((directory) => !directories.includes(directory));
  env['PATH'] = [...directories, ...missing].join(':');
}

export function requireRoot(what: string): void {
  if (process.getuid?.() !== 0) throw new Error(`the Swarm test must run as root to ${what} (sudo npm run e2e:swarm)`);
}
