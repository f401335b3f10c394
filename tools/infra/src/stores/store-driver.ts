import type { InfraSettings } from '../options';
import type { StartedServer, StoreKind, StoreResolution } from './store-types';

/** What differs between stores; the order in which they are tried lives in resolve-store.ts. */
export interface StoreDriver {
  store: StoreKind;
  /** Name used in messages, e.g. "PostgreSQL". */
  title: string;
  /** The variable that moves the local port, named in messages about a busy port. */
  portVariable: string;
  /** Resolution from environment variables, when they name this store. */
  fromEnv(settings: InfraSettings): StoreResolution | undefined;
  /** URL of a server that may already listen on the local port. */
  localUrl(settings: InfraSettings): string;
  ping(url: string): Promise<void>;
  /** Variables for .mesh/env from the URL of a local or started server. */
  envFor(url: string, settings: InfraSettings): Record<string, string>;
  /** Starts a server; must register it through `onStarted` as soon as it has a pid. */
  start(settings: InfraSettings, onStarted: (server: StartedServer) => void): Promise<StartedServer>;
  /** Work after any resolution, e.g. creating databases. */
  prepare?(resolution: StoreResolution, settings: InfraSettings): Promise<void>;
}
