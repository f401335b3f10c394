import { join } from 'node:path';

import { ensureFerretdbBinary } from '../ferretdb-build';
import { findExecutable } from '../find-executable';
import { WORKSPACE_ROOT } from '../options';

/** How to run one MongoDB-compatible server: the program and its arguments. */
export interface MongoServerCommand {
  kind: 'mongod' | 'ferretdb';
  command: string;
  args: string[];
}

export function mongodCommand(binary: string, port: number, dataDir: string, logFile: string): MongoServerCommand {
  return {
    kind: 'mongod',
    command: binary,
    args: ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dataDir, '--logpath', logFile, '--logappend'],
  };
}

export function ferretdbCommand(binary: string, port: number, dataDir: string): MongoServerCommand {
  return { kind: 'ferretdb', command: binary, args: ['--listen', `127.0.0.1:${port}`, '--data', dataDir] };
}

/**
 * A server of a run's own on `port` with its data in `dataDir`, as `infra:up` would choose it: an
 * installed mongod, else FerretDB built from tools/ferretdb. Undefined when neither can be had.
 * For proofs that restart the store (the soak), which must not touch the developer's server.
 */
export async function ownMongoServerCommand(options: {
  port: number;
  dataDir: string;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): Promise<MongoServerCommand | undefined> {
  const env = options.env ?? process.env;
  const mongod = findExecutable('mongod', env);
  if (mongod !== undefined)
    return mongodCommand(mongod, options.port, options.dataDir, join(options.dataDir, 'mongod.log'));
  const ferretdb = await ensureFerretdbBinary({
    sourceDir: join(WORKSPACE_ROOT, 'tools', 'ferretdb'),
    env,
    log: options.log,
  });
  return ferretdb === undefined ? undefined : ferretdbCommand(ferretdb, options.port, options.dataDir);
}
