import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { InfraError } from '../errors';
import { logSize, tailLog } from '../log-tail';
import type { InfraSettings } from '../options';
import { pingPostgres, waitUntilAnswering } from '../probe';
import { type CommandResult, runCommand } from '../processes';
import { loadPostgresBinaries, type PostgresBinaries } from './embedded-postgres-binaries';
import { binariesWithinReach, dataDirOutsideWorkspace, reachableBy } from './postgres-reach';
import { postgresRunAs, type RunAs } from './postgres-run-as';
import type { StartedServer } from './store-types';

interface PostgresPaths {
  dataDir: string;
  socketDir: string;
  logFile: string;
}

/** initdb once into .mesh/postgres, then `pg_ctl start`, which leaves the server running in its own session. */
export async function startEmbeddedPostgres(
  settings: InfraSettings,
  onStarted: (server: StartedServer) => void,
): Promise<StartedServer> {
  const runAs = await postgresRunAs();
  const shipped = settings.binaries.postgres ?? (await loadPostgresBinaries());
  const binaries = runAs ? await binariesWithinReach(shipped, runAs) : shipped;
  const port = settings.ports.postgres;
  const paths = await postgresPaths(settings, runAs);
  const fix =
    `free port ${port} or set MESH_POSTGRES_PORT, or set POSTGRES_URL to a running server` +
    (runAs ? `; as root, the postgres user must be able to traverse every parent of ${paths.dataDir}` : '');
  prepareDirectories(settings, paths, runAs);
  if (!existsSync(join(paths.dataDir, 'PG_VERSION'))) await initdb(binaries, paths, settings, runAs, fix);

  settings.log(`  postgres: starting embedded PostgreSQL on 127.0.0.1:${port}`);
  const logOffset = logSize(paths.logFile);
  const result = await pgCtlStart(binaries, paths, settings, runAs);
  const server = startedServer(binaries, paths, port, runAs);
  if (server) onStarted(server);
  try {
    if (result.code !== 0 || server === undefined) throw new Error(`pg_ctl start failed: ${result.output.trim()}`);
    await waitUntilAnswering(() => pingPostgres(server.url), { timeoutMs: settings.readyTimeoutMs, port });
  } catch (error) {
    throw new InfraError(
      `embedded PostgreSQL did not start on 127.0.0.1:${port}\n` +
        `  last lines of ${paths.logFile}:\n${tailLog(paths.logFile, logOffset)}`,
      { fix, cause: error },
    );
  }
  return server;
}

/**
 * Under .mesh, unless the server runs as the postgres user and cannot reach it (a parent
 * directory is closed to others): then outside the workspace (dataDirOutsideWorkspace).
 */
async function postgresPaths(settings: InfraSettings, runAs: RunAs | undefined): Promise<PostgresPaths> {
  const inWorkspace: PostgresPaths = {
    dataDir: join(settings.meshDir, 'postgres'),
    socketDir: join(settings.runDir, 'postgres'),
    logFile: join(settings.logDir, 'postgres.log'),
  };
  if (runAs === undefined) return inWorkspace;
  mkdirSync(settings.meshDir, { recursive: true });
  chmodSync(settings.meshDir, 0o755);
  if (await reachableBy(runAs, settings.meshDir)) return inWorkspace;
  const dir = dataDirOutsideWorkspace(settings.meshDir, runAs);
  settings.log(`  postgres: the postgres user cannot reach ${settings.meshDir} (a parent is closed to others): data in ${dir}`);
  return { dataDir: join(dir, 'data'), socketDir: join(dir, 'run'), logFile: join(dir, 'postgres.log') };
}

/** pg_ctl -w waits until the server accepts connections, up to the ready timeout. */
function pgCtlStart(
  binaries: PostgresBinaries,
  paths: PostgresPaths,
  settings: InfraSettings,
  runAs: RunAs | undefined,
): Promise<CommandResult> {
  const serverOptions = `-p ${settings.ports.postgres} -k ${shellQuote(paths.socketDir)} -h 127.0.0.1`;
  const timeoutSeconds = String(Math.ceil(settings.readyTimeoutMs / 1000));
  return runCommand(
    binaries.pg_ctl,
    ['start', '-w', '-t', timeoutSeconds, '-D', paths.dataDir, '-o', serverOptions, '-l', paths.logFile],
    { ...runAs, env: settings.env, detached: true, cwd: dirname(paths.dataDir) },
  );
}

/** The record of the postmaster, when postmaster.pid names one (also after a failed start, to stop it). */
function startedServer(
  binaries: PostgresBinaries,
  paths: PostgresPaths,
  port: number,
  runAs: RunAs | undefined,
): StartedServer | undefined {
  const pid = readPostmasterPid(paths.dataDir);
  if (pid === undefined) return undefined;
  return {
    store: 'postgres',
    kind: 'embedded-postgres',
    pid,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    executable: realpathSync(binaries.postgres),
    dataDir: paths.dataDir,
    logFile: paths.logFile,
    stop: { method: 'pg-ctl', pgCtl: binaries.pg_ctl, ...runAs },
    startedAt: new Date().toISOString(),
  };
}

async function initdb(
  binaries: PostgresBinaries,
  paths: PostgresPaths,
  settings: InfraSettings,
  runAs: RunAs | undefined,
  fix: string,
): Promise<void> {
  settings.log(`  postgres: initdb ${paths.dataDir}`);
  const args = ['-D', paths.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C'];
  const result = await runCommand(binaries.initdb, args, { ...runAs, env: settings.env, cwd: dirname(paths.dataDir) });
  if (result.code !== 0) {
    throw new InfraError(`initdb of ${paths.dataDir} failed:\n${result.output.trim()}`, { fix });
  }
}

/** As root, hand the server's directories and log to the postgres user, and let it traverse .mesh. */
function prepareDirectories(settings: InfraSettings, paths: PostgresPaths, runAs: RunAs | undefined): void {
  for (const dir of [paths.dataDir, paths.socketDir]) mkdirSync(dir, { recursive: true });
  closeSync(openSync(paths.logFile, 'a'));
  if (runAs === undefined) return;
  for (const dir of [settings.meshDir, settings.logDir, settings.runDir]) if (existsSync(dir)) chmodSync(dir, 0o755);
  for (const path of [paths.dataDir, paths.socketDir, paths.logFile]) chownSync(path, runAs.uid, runAs.gid);
}

/** The first line of postmaster.pid is the postmaster's pid. */
function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** pg_ctl hands -o to /bin/sh, so paths with spaces must be quoted. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
