import type { ChildProcess } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

import { errorMessage, InfraError } from '../errors';
import { logSize, tailLog } from '../log-tail';
import type { InfraSettings } from '../options';
import { isListening, waitUntilAnswering } from '../probe';
import { spawnDetached } from '../processes';
import type { ServerKind, StartedServer, StoreKind } from './store-types';

export interface DetachedServerSpec {
  store: StoreKind;
  kind: ServerKind;
  command: string;
  args: readonly string[];
  port: number;
  url: string;
  dataDir: string;
  logFile: string;
  ping: (url: string) => Promise<void>;
  /** The command or setting that gets around a failed start, shown with the error. */
  fix: string;
}

/**
 * Starts a server as its own detached process and waits until it answers.
 * The server is handed to `onStarted` before the wait, so that a failure
 * anywhere later in `up` can stop it.
 */
export async function startDetachedServer(
  spec: DetachedServerSpec,
  settings: InfraSettings,
  onStarted: (server: StartedServer) => void,
): Promise<StartedServer> {
  mkdirSync(spec.dataDir, { recursive: true });
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const logOffset = logSize(spec.logFile);
  settings.log(`  ${spec.store}: starting ${spec.kind} on 127.0.0.1:${spec.port}`);

  const child = spawnDetached(spec.command, spec.args, spec.logFile, { cwd: settings.rootDir, env: settings.env });
  let exit: string | undefined;
  child.once('error', (error) => (exit = `could not run ${spec.command}: ${error.message}`));
  child.once('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exit code ${code}`));

  const server: StartedServer | undefined =
    child.pid === undefined
      ? undefined
      : {
          store: spec.store,
          kind: spec.kind,
          pid: child.pid,
          port: spec.port,
          url: spec.url,
          executable: realpathSync(spec.command),
          dataDir: spec.dataDir,
          logFile: spec.logFile,
          stop: { method: 'signal' },
          startedAt: new Date().toISOString(),
          commandLine: { command: spec.command, args: [...spec.args], cwd: settings.rootDir },
        };
  if (server) onStarted(server);

  try {
    await waitUntilAnswering(() => spec.ping(spec.url), {
      timeoutMs: settings.readyTimeoutMs,
      port: spec.port,
      exited: () => exit,
    });
  } catch (error) {
    throw new InfraError(
      `${spec.kind} did not start on 127.0.0.1:${spec.port}: ${errorMessage(error)}\n` +
        `  last lines of ${spec.logFile}:\n${tailLog(spec.logFile, logOffset)}`,
      { fix: spec.fix, cause: error },
    );
  }
  if (server === undefined) throw new InfraError(`${spec.kind} answered but its pid is unknown`);
  return server;
}

/**
 * Starts a server that `startDetachedServer` started, and that a test killed, once more with the
 * same command line (its data, its port); resolves with the new process once the port accepts
 * connections. The state file still names the old pid, so `down` leaves this one alone: the
 * caller stops it.
 */
export async function startAgain(server: StartedServer, timeoutMs = 30_000): Promise<ChildProcess> {
  if (!server.commandLine) throw new InfraError(`${server.kind} on port ${server.port} was started without a recorded command line`);
  const { command, args, cwd } = server.commandLine;
  const child = spawnDetached(command, args, server.logFile, { cwd, env: process.env });
  let exit: string | undefined;
  child.once('error', (error) => (exit = `could not run ${command}: ${error.message}`));
  child.once('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exit code ${code}`));
  await waitUntilAnswering(
    async () => {
      if (!(await isListening(server.port))) throw new Error(`nothing listens on port ${server.port} yet`);
    },
    { timeoutMs, port: server.port, exited: () => exit },
  );
  return child;
}
