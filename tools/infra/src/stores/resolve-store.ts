import { InfraError } from '../errors';
import type { InfraSettings } from '../options';
import { answers, isListening } from '../probe';
import { formatResolution } from '../report';
import { isStillOurs } from './server-ownership';
import type { StoreDriver } from './store-driver';
import type { StartedServer, StoreResolution } from './store-types';

/**
 * Tries, in order: the environment, a server an earlier `up` started, a server
 * already listening on the local port, and finally starting one.
 */
export async function resolveStore(
  driver: StoreDriver,
  settings: InfraSettings,
  recorded: StartedServer | undefined,
  onStarted: (server: StartedServer) => void,
): Promise<StoreResolution> {
  const resolution =
    driver.fromEnv(settings) ??
    (await reuseRecorded(driver, settings, recorded)) ??
    (await useExisting(driver, settings)) ??
    (await startServer(driver, settings, onStarted));
  settings.log(formatResolution(resolution));
  await driver.prepare?.(resolution, settings);
  return resolution;
}

async function reuseRecorded(
  driver: StoreDriver,
  settings: InfraSettings,
  recorded: StartedServer | undefined,
): Promise<StoreResolution | undefined> {
  if (recorded === undefined) return undefined;
  if (!isStillOurs(recorded)) {
    settings.log(`  ${driver.store}: the ${recorded.kind} started earlier (pid ${recorded.pid}) is gone; starting anew`);
    return undefined;
  }
  if (recorded.port !== settings.ports[driver.store] || !(await answers(() => driver.ping(recorded.url)))) {
    throw new InfraError(
      `${driver.title}: the ${recorded.kind} started earlier (pid ${recorded.pid}, port ${recorded.port}) ` +
        `still runs but is not usable on port ${settings.ports[driver.store]}`,
      { fix: 'npm run infra:down, then npm run infra:up' },
    );
  }
  return {
    store: driver.store,
    source: 'started',
    url: recorded.url,
    env: driver.envFor(recorded.url, settings),
    server: recorded,
    reused: true,
    detail: `${recorded.kind} started earlier by infra (pid ${recorded.pid}), still running`,
  };
}

async function useExisting(driver: StoreDriver, settings: InfraSettings): Promise<StoreResolution | undefined> {
  const url = driver.localUrl(settings);
  const port = settings.ports[driver.store];
  // Checked first because a ping of a closed port can take the whole probe timeout.
  if (!(await isListening(port))) return undefined;
  try {
    await driver.ping(url);
  } catch (error) {
    throw new InfraError(
      `${driver.title}: something listens on 127.0.0.1:${port} but does not answer as a usable ${driver.title} at ${url}`,
      { fix: `stop what holds port ${port}, or set ${driver.portVariable} to a free port`, cause: error },
    );
  }
  return {
    store: driver.store,
    source: 'existing',
    url,
    env: driver.envFor(url, settings),
    detail: `existing server on 127.0.0.1:${port}`,
  };
}

async function startServer(
  driver: StoreDriver,
  settings: InfraSettings,
  onStarted: (server: StartedServer) => void,
): Promise<StoreResolution> {
  const server = await driver.start(settings, onStarted);
  return {
    store: driver.store,
    source: 'started',
    url: server.url,
    env: driver.envFor(server.url, settings),
    server,
    reused: false,
    detail: `${server.kind} started by infra (pid ${server.pid}, data ${server.dataDir}, log ${server.logFile})`,
  };
}
