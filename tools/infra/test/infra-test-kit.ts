import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureFerretdbBinary } from '../src/ferretdb-build';
import { WORKSPACE_ROOT } from '../src/options';

/** How long a first FerretDB build may take on a fresh machine, with cold Go module and build caches. */
export const FERRETDB_BUILD_TIMEOUT_MS = 900_000;

/**
 * Builds tools/ferretdb/bin/ferretdb when it is missing or older than its sources. A spec whose
 * `up` starts FerretDB calls it in its `beforeAll` (with FERRETDB_BUILD_TIMEOUT_MS), so that its
 * tests time starting the stores and not a first build: `npm test` builds it only when no
 * MongoDB-compatible server listens yet, and on a fresh machine the build takes minutes.
 */
export async function ferretdbBuilt(): Promise<void> {
  await ensureFerretdbBinary({ sourceDir: join(WORKSPACE_ROOT, 'tools', 'ferretdb'), env: process.env, log: () => undefined });
}

/** Variables that would point a test at the developer's stores instead of its own. */
const STORE_VARIABLES = [
  'POSTGRES_URL',
  'ORDERS_DATABASE_URL',
  'ANALYTICS_DATABASE_URL',
  'REDIS_URL',
  'CUSTOMERS_MONGODB_URL',
  'MESH_POSTGRES_PORT',
  'MESH_REDIS_PORT',
  'MESH_MONGO_PORT',
];

/**
 * process.env without store URLs or ports. Jest loads .mesh/env into every
 * test process (tools/jest/load-mesh-env.cjs), so tests must not inherit it.
 */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const variable of STORE_VARIABLES) delete env[variable];
  return { ...env, ...extra };
}

/** A temp root for .mesh; world-traversable, since as root PostgreSQL runs as the postgres user. */
export function makeTempRoot(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `infra-${label}-`));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Distinct ports that were free a moment ago (held together so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listen(0)));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map(closeServer));
  return ports;
}

const openSockets = new WeakMap<Server, Set<Socket>>();

/** A TCP server that accepts connections and never answers: "something that is not the store". */
export function listen(port: number): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    openSockets.set(server, sockets);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
  // close() waits for open connections, which a silent server never ends itself.
  for (const socket of openSockets.get(server) ?? []) socket.destroy();
  return closed;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (tsx tools/infra/src/cli.ts), as `npm run infra:*` does. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const tsx = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'tsx');
  const cli = join(WORKSPACE_ROOT, 'tools', 'infra', 'src', 'cli.ts');
  return new Promise((resolvePromise) => {
    execFile(tsx, [cli, ...args], { env, cwd: WORKSPACE_ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolvePromise({ code, stdout, stderr });
    });
  });
}
