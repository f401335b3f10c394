import { type InfraOptions, type InfraSettings, resolveSettings } from './options';
import { answers, isListening } from './probe';
import { formatStatus } from './report';
import { readState } from './state-file';
import { DRIVERS } from './stores/drivers';
import { isStillOurs } from './stores/server-ownership';
import type { StartedServer, StoreKind, StoreSource } from './stores/store-types';

export interface StoreStatus {
  store: StoreKind;
  source: StoreSource | 'unresolved';
  url?: string;
  /** Whether the store answered a ping just now. */
  answers: boolean;
  server?: StartedServer;
  detail: string;
}

/** What `up` would choose for each store, without starting anything, and whether it answers now. */
export async function status(options: InfraOptions = {}): Promise<StoreStatus[]> {
  const settings = resolveSettings(options);
  const state = readState(settings.stateFile);
  const result: StoreStatus[] = [];
  settings.log(`infra: status of ${settings.stores.join(', ')} (state in ${settings.meshDir})`);
  for (const store of settings.stores) {
    const storeStatus = await statusOf(store, settings, state[store]);
    settings.log(formatStatus(storeStatus));
    result.push(storeStatus);
  }
  return result;
}

async function statusOf(
  store: StoreKind,
  settings: InfraSettings,
  server: StartedServer | undefined,
): Promise<StoreStatus> {
  const driver = DRIVERS[store];
  const fromEnv = driver.fromEnv(settings);
  if (fromEnv) {
    return { store, source: 'env', url: fromEnv.url, answers: await answers(() => driver.ping(fromEnv.url)), detail: fromEnv.detail };
  }
  if (server) {
    const running = isStillOurs(server);
    return {
      store,
      source: 'started',
      url: server.url,
      server,
      answers: running && (await answers(() => driver.ping(server.url))),
      detail: `${server.kind} started by infra, pid ${server.pid} ${running ? 'running' : 'GONE'}, log ${server.logFile}`,
    };
  }
  const url = driver.localUrl(settings);
  const port = settings.ports[store];
  if (!(await isListening(port))) {
    const detail = `not resolved: nothing listens on 127.0.0.1:${port} (npm run infra:up starts one)`;
    return { store, source: 'unresolved', answers: false, detail };
  }
  if (await answers(() => driver.ping(url))) {
    return { store, source: 'existing', url, answers: true, detail: `existing server on 127.0.0.1:${port}` };
  }
  const detail = `not resolved: port ${port} is held by something that does not answer as ${driver.title}`;
  return { store, source: 'unresolved', answers: false, detail };
}
