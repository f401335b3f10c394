/**
 * `npm start [-- --demo] [service …]`: the whole mesh on one machine. Brings the stores up
 * through tools/infra, builds the services, runs each as a process of its own with prefixed,
 * readable logs, prints a status table once all are ready, and on Ctrl-C stops the services
 * (gracefully: they drain) and then the stores it started.
 */
import { describeError, down, type StoreKind, up, WORKSPACE_ROOT } from '@mesh/infra';
import { once } from 'node:events';
import { join } from 'node:path';

import { buildServices } from './build-services';
import { demoAuthorization, meshAuth } from './demo-credentials';
import { driveDemoTraffic } from './demo-traffic';
import { formatLogLine, logPrefix } from './log-line';
import { chooseServices, type MeshService, serviceUrl } from './mesh-services';
import { waitUntilReady } from './readiness';
import { ServiceProcess } from './service-process';
import { formatStatusTable } from './status-table';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const COLOURS = [36, 33, 35, 32, 34];

interface StartArguments {
  demo: boolean;
  build: boolean;
  services: MeshService[];
}

function parseArguments(argv: readonly string[]): StartArguments {
  const flags = argv.filter((argument) => argument.startsWith('--'));
  const unknown = flags.filter((flag) => !['--demo', '--no-build'].includes(flag));
  if (unknown.length > 0) throw new Error(`unknown option(s) ${unknown.join(', ')}; usage: npm start -- [--demo] [--no-build] [service …]`);
  return {
    demo: flags.includes('--demo'),
    build: !flags.includes('--no-build'),
    services: chooseServices(argv.filter((argument) => !argument.startsWith('--'))),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArguments(argv);
  const shutdown = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown.signal.aborted) return;
    console.log(`\nmesh: ${signal}, stopping`);
    shutdown.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let startedStores: StoreKind[] = [];
  const running: ServiceProcess[] = [];
  try {
    const infra = await up({ signal: shutdown.signal });
    startedStores = infra.startedNow.map((server) => server.store);
    const storeEnv = Object.assign({}, ...infra.stores.map((store) => store.env)) as Record<string, string>;
    // The development issuer: the services check tokens against its public key set, the demo signs with its key.
    const auth = meshAuth(process.env, infra.devIssuer);
    if (auth.ignored.length > 0) console.log(`mesh: not passed to the services: ${auth.ignored.join(', ')} (npm start uses the development issuer)`);
    if (options.build) await buildServices(options.services);
    if (shutdown.signal.aborted) return 130;

    const width = Math.max(...options.services.map((service) => service.name.length));
    options.services.forEach((service, index) => {
      const prefix = logPrefix(service.name, width, COLOURS[index % COLOURS.length], process.stdout.isTTY);
      const mainFile = join(WORKSPACE_ROOT, 'dist', 'apps', service.name, 'main.js');
      const child = ServiceProcess.start(service, mainFile, { ...auth.serviceEnv, ...storeEnv }, (line) =>
        console.log(`${prefix} ${formatLogLine(line)}`),
      );
      void child.exited.then((exit) => {
        if (!child.isStopping) console.error(`mesh: ${service.name} exited (${exit.signal ?? `code ${exit.code}`})`);
      });
      running.push(child);
    });
    await Promise.all(running.map((child) => waitUntilReady(child, serviceUrl(child.service), READY_TIMEOUT_MS)));
    console.log(`\n${await formatStatusTable(options.services)}\n\nmesh: running; Ctrl-C stops it all\n`);
    console.log('mesh: the APIs need a token for their audience: npm run -s mesh -- token --scopes orders:read,orders:write\n');

    if (options.demo) {
      const [customers, orders, analytics] = ['customers', 'orders', 'analytics'].map(
        (name) => `http://127.0.0.1:${options.services.find((service) => service.name === name)?.port ?? 0}`,
      );
      void driveDemoTraffic({ customers, orders, analytics }, demoAuthorization(infra.devIssuer), shutdown.signal, (counts, sales) =>
        console.log(`demo: ${JSON.stringify(counts)}; analytics today: ${sales}`),
      );
    }
    await once(shutdown.signal, 'abort');
    return 0;
  } catch (error) {
    if (shutdown.signal.aborted) return 130;
    console.error(`mesh: ${describeError(error)}`);
    return 1;
  } finally {
    await Promise.all(running.map((child) => child.stop(STOP_TIMEOUT_MS)));
    if (running.length > 0) console.log(`mesh: stopped ${running.map((child) => child.service.name).join(', ')}`);
    if (startedStores.length > 0) await down({ stores: startedStores }).catch((error: unknown) => console.error(`mesh: ${describeError(error)}`));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`mesh: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
