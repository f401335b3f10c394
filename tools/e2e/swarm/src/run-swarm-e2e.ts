/**
 * `npm run e2e:swarm`: the mesh deployed with deploy/stack.yml on a one-node Docker Swarm, from
 * images built here (no registry), put through the mesh scenario with tasks killed and a rolling
 * update; then everything it created is removed and the machine is left as it was found: the
 * stack, secrets, swarm, images, dockerd, and docker.io when this run installed it
 * (MESH_E2E_SWARM_KEEP=1 keeps Docker and the images, as a cache for the next run). Needs root,
 * Debian's packages and about 6 GB of disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { signAccessToken } from '../../kit/src/access-tokens';
import { domainApis } from '../../kit/src/api/domain-apis';
import { MeshApi } from '../../kit/src/api/mesh-api';
import { assertPortsFree } from '../../kit/src/free-port';
import { utcDay } from '../../kit/src/ledger';
import { APP_REPOSITORY_PREFIX } from './images/app-images';
import { ensureBaseImages } from './images/base-images';
import { buildMeshImages, type MeshImages } from './images/mesh-images';
import { ensureDockerDaemon, withAdministrationPrograms } from './machine/docker-daemon';
import { captureHostNetwork, restoreHostNetwork } from './machine/host-network-state';
import { trackAddedImages } from './machine/images-added';
import { ensureSwarmManager } from './machine/swarm-node';
import { Cleanup } from './report/cleanup';
import { Phases } from './report/phases';
import { expectCatalogComplete } from './scenario/catalog-check';
import { runSwarmScenario, type ScenarioOptions } from './scenario/swarm-scenario';
import { docker } from './shell/docker';
import { createIssuerConfig, type IssuerConfig, removeConfigs } from './stack/issuer-config';
import { removeLeftovers } from './stack/leftovers';
import { createMeshSecrets, type MeshSecrets, removeSecrets } from './stack/mesh-secrets';
import { deployStack, removeStack, type StackSettings } from './stack/mesh-stack';
import { waitForHealthyStack } from './stack/wait-healthy';
import { waitForGatewayRoutes } from './stack/wait-routes';

const STACK = 'mesh-e2e';
const SECRET_PREFIX = 'mesh-e2e';
const PORT_BASE = Number(process.env['MESH_E2E_SWARM_PORT_BASE'] ?? 13_000);
/** gateway, redis, postgres, mongo (scaled to 0), ferretdb, orders, customers, analytics, catalog */
const SERVICES = 9;
const HEALTHY_TIMEOUT_MS = 240_000;
/** From every task healthy to every domain answering through the gateway (HAProxy resolves every 2 s). */
const ROUTES_TIMEOUT_MS = 60_000;
/** Keep Docker (when installed here) and the images, so that the next run builds from cache. */
const KEEP = process.env['MESH_E2E_SWARM_KEEP'] === '1';

const log = (line: string) => console.log(`[e2e:swarm] ${line}`);

async function main(): Promise<boolean> {
  withAdministrationPrograms(process.env);
  const phases = new Phases(log);
  const cleanup = new Cleanup(log);
  const workDirectory = mkdtempSync(join(tmpdir(), 'mesh-swarm-e2e-'));
  cleanup.add(`work directory ${workDirectory}`, async () => rmSync(workDirectory, { recursive: true, force: true }));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup.run().then(() => process.exit(130));
    });
  }
  const runId = Date.now().toString(36);
  const dockerd: { log?: string } = {};
  const report: string[] = [];
  let ok = false;
  try {
    await prepareDocker(phases, cleanup, dockerd);
    const deployed = await deployMesh(phases, cleanup, workDirectory, runId);
    await runSwarmScenario(phases, scenarioOptions(deployed), report);
    await phases.run('catalog shows every data product', async () => {
      const catalog = new MeshApi({
        name: 'catalog',
        baseUrl: gateway(deployed.settings.ports.catalog),
        ...access(deployed),
      });
      const products = await expectCatalogComplete(catalog, ['orders', 'customers', 'analytics']);
      report.push(`catalog: ${products.length} data products available (${products.join(', ')})`);
    });
    ok = true;
  } catch (error) {
    log(`FAILED: ${(error as Error).message}`);
  } finally {
    ok = (await tearDown(cleanup, dockerd.log, ok)) && ok;
  }
  console.log(
    [
      '',
      'e2e:swarm report',
      ...report.map((line) => `  ${line}`),
      '',
      'phases',
      phases.summary(),
      '',
      ok ? 'e2e:swarm passed' : 'e2e:swarm FAILED',
    ].join('\n'),
  );
  return ok;
}

/**
 * dockerd (installed and started when missing) and a one-node swarm, with what undoes each of
 * them registered on `cleanup`, which runs backwards. `dockerd.log` is set as soon as it runs.
 */
async function prepareDocker(phases: Phases, cleanup: Cleanup, dockerd: { log?: string }): Promise<void> {
  const network = await captureHostNetwork();
  const daemon = await phases.run('docker daemon', () => ensureDockerDaemon(tmpdir(), log));
  log(
    `  Docker ${daemon.version}${daemon.startedHere ? ', started by this run' : ''}${daemon.installation ? ', docker.io installed by this run' : ''}`,
  );
  dockerd.log = daemon.logFile;
  const installation = daemon.installation;
  if (installation && !KEEP) {
    // Last of all, once dockerd has stopped: the packages, and the state they brought.
    cleanup.add(`remove ${installation.packages.join(', ')} (installed by this run)`, installation.uninstall);
  }
  if (daemon.startedHere) {
    // Cleanup runs backwards: dockerd stops first, then its bridges and rules go.
    cleanup.add('host network as before dockerd', async () =>
      (await restoreHostNetwork(network)).forEach((line) => log(`  ${line}`)),
    );
    cleanup.add('stop dockerd', daemon.stop);
  }
  if (!KEEP && !installation) {
    // With docker.io removed at the end its images go too; otherwise remove those added here.
    const images = await trackAddedImages();
    cleanup.add('images this run added', async () => log(`  removed ${await images.remove()} images`));
  }
  const swarm = await phases.run('swarm', () => ensureSwarmManager(log));
  if (swarm.initialisedHere) cleanup.add('leave the swarm', swarm.leave);
  await removeLeftovers(STACK, log);
}

/** What a deployed mesh gives the scenario. */
interface DeployedMesh {
  settings: StackSettings;
  secrets: MeshSecrets;
  issuer: IssuerConfig;
  images: MeshImages;
}

/** Images, secrets and the stack, deployed until every domain answers through the gateway. */
async function deployMesh(
  phases: Phases,
  cleanup: Cleanup,
  workDirectory: string,
  runId: string,
): Promise<DeployedMesh> {
  const base = await phases.run('base images', () => ensureBaseImages(workDirectory, log));
  const images = await phases.run('app images (deploy/docker/Dockerfile)', () =>
    buildMeshImages(base.node, workDirectory, runId, log),
  );
  const secrets = await phases.run('secrets', () => createMeshSecrets(SECRET_PREFIX, workDirectory));
  cleanup.add('secrets', () => removeSecrets(secrets.names));
  const issuer = await phases.run('token issuer (its key set as a config)', () => createIssuerConfig(SECRET_PREFIX));
  cleanup.add('key set config', () => removeConfigs([issuer.name]));
  const settings: StackSettings = {
    stack: STACK,
    secretPrefix: SECRET_PREFIX,
    issuer: issuer.issuer.issuer,
    imagePrefix: APP_REPOSITORY_PREFIX,
    appTags: { orders: 'e2e', customers: 'e2e', analytics: 'e2e', catalog: 'e2e' },
    storeImages: { gateway: base.gateway, redis: base.redis, postgres: base.postgres, ferretdb: base.ferretdb },
    ports: { orders: PORT_BASE + 1, customers: PORT_BASE + 2, analytics: PORT_BASE + 3, catalog: PORT_BASE + 4 },
  };
  await assertPortsFree(Object.values(settings.ports), 'set MESH_E2E_SWARM_PORT_BASE to use ports base+1 to base+4');
  cleanup.add(`stack ${STACK}`, () => removeStack(STACK, log));
  await phases.run('stack deploy until every service is healthy', async () => {
    await deployStack(settings);
    await waitForHealthyStack(STACK, SERVICES, HEALTHY_TIMEOUT_MS, log);
  });
  // "Deployed" means every domain answers through the gateway, not only that its tasks are healthy.
  await phases.run('gateway routes to every domain', () =>
    waitForGatewayRoutes(
      Object.entries(settings.ports).map(([name, port]) => ({ name, url: `http://127.0.0.1:${port}/health/ready` })),
      { timeoutMs: ROUTES_TIMEOUT_MS, log },
    ),
  );
  return { settings, secrets, issuer, images };
}

/** A published port of the gateway. */
const gateway = (port: number) => `http://127.0.0.1:${port}`;

/** What the APIs are called with: a token of the run's issuer for the three domains with every scope; 15 s for each answer. */
function access({ issuer }: DeployedMesh): { token: string; timeoutMs: number } {
  return { token: signAccessToken(issuer.issuer, { subject: 'swarm-e2e' }), timeoutMs: 15_000 };
}

function scenarioOptions(deployed: DeployedMesh): ScenarioOptions {
  const { settings, images } = deployed;
  return {
    seed: Number(process.env['MESH_E2E_SEED'] ?? Date.now() % 1_000_000),
    apis: domainApis((domain) => gateway(settings.ports[domain]), access(deployed)),
    services: {
      orders: `${STACK}_orders`,
      analytics: `${STACK}_analytics`,
      domains: ['orders', 'customers', 'analytics'].map((domain) => `${STACK}_${domain}`),
      redis: `${STACK}_redis`,
      postgres: `${STACK}_postgres`,
    },
    replicas: { orders: 2, analytics: 1 },
    rollOrders: {
      image: images.nextOrders,
      deploy: () => deployStack({ ...settings, appTags: { ...settings.appTags, orders: 'e2e-next' } }),
    },
    fromDay: utcDay(new Date().toISOString()),
    log,
  };
}

/** Runs the cleanup; keeps dockerd's log when anything failed. @returns whether the cleanup succeeded. */
async function tearDown(cleanup: Cleanup, dockerdLog: string | undefined, ok: boolean): Promise<boolean> {
  // Listed before cleanup: dockerd may be stopped by it.
  const images = KEEP
    ? await docker([
        'images',
        '--format',
        '{{.Repository}}:{{.Tag}}',
        '--filter',
        `reference=${APP_REPOSITORY_PREFIX}/*`,
      ]).catch(() => '')
    : '';
  log('cleaning up');
  const cleaned = await cleanup.run();
  if (dockerdLog && ok && cleaned) rmSync(dockerdLog, { force: true });
  else if (dockerdLog) log(`dockerd's log is kept: ${dockerdLog}`);
  if (KEEP) {
    log(
      `MESH_E2E_SWARM_KEEP=1: Docker and the images stay (docker rmi to remove): ${images.trim().split('\n').filter(Boolean).join(', ') || 'none'}`,
    );
  }
  return cleaned;
}

void main().then((ok) => {
  process.exitCode = ok ? 0 : 1;
});
