import { eventually } from '../../../kit/src/eventually';
import type { App } from '../images/app-images';
import { docker, dockerResult } from '../shell/docker';
import { WORKSPACE_ROOT } from '../workspace';

/** The compose files, as a user deploys the mesh with FerretDB in place of MongoDB. */
export const STACK_FILES = ['deploy/stack.yml', 'deploy/stack.ferretdb.yml'];

export interface StackSettings {
  readonly stack: string;
  readonly secretPrefix: string;
  /** The `iss` of the run's token issuer, whose key set the config `<secretPrefix>_auth_jwks` holds. */
  readonly issuer: string;
  readonly imagePrefix: string;
  readonly appTags: Readonly<Record<App, string>>;
  readonly storeImages: {
    readonly gateway: string;
    readonly redis: string;
    readonly postgres: string;
    readonly ferretdb: string;
  };
  /** Published port per API, on this machine. */
  readonly ports: Readonly<Record<App, number>>;
}

/**
 * The variables deploy/stack.yml reads, for this machine: local images, ports that leave the
 * usual 3001-3004 alone, and DNS round robin with host-mode ports (this kernel has no IPVS,
 * which Swarm's virtual IPs and ingress need).
 */
export function stackVariables(settings: StackSettings): Record<string, string> {
  return {
    IMAGE_PREFIX: settings.imagePrefix,
    ORDERS_TAG: settings.appTags.orders,
    CUSTOMERS_TAG: settings.appTags.customers,
    ANALYTICS_TAG: settings.appTags.analytics,
    CATALOG_TAG: settings.appTags.catalog,
    GATEWAY_IMAGE: settings.storeImages.gateway,
    REDIS_IMAGE: settings.storeImages.redis,
    POSTGRES_IMAGE: settings.storeImages.postgres,
    FERRETDB_IMAGE: settings.storeImages.ferretdb,
    ORDERS_PUBLISHED_PORT: String(settings.ports.orders),
    CUSTOMERS_PUBLISHED_PORT: String(settings.ports.customers),
    ANALYTICS_PUBLISHED_PORT: String(settings.ports.analytics),
    CATALOG_PUBLISHED_PORT: String(settings.ports.catalog),
    SECRET_PREFIX: settings.secretPrefix,
    AUTH_ISSUER: settings.issuer,
    ENDPOINT_MODE: 'dnsrr',
    PUBLISH_MODE: 'host',
    // Two cores shared by eleven tasks: the limits of a real node would starve the test's.
    DOMAIN_CPUS: '2',
    // Each replaced task is watched this long before the next one goes (30 s by default).
    UPDATE_MONITOR: '10s',
    UPDATE_DELAY: '1s',
  };
}

/** `docker stack deploy`: creates the stack, or updates the services whose definition changed. */
export async function deployStack(settings: StackSettings): Promise<void> {
  const detach = (await docker(['stack', 'deploy', '--help'])).includes('--detach') ? ['--detach=true'] : [];
  await docker(
    [
      'stack',
      'deploy',
      ...detach,
      // The images exist on this node only; there is no registry to ask for their digests.
      '--resolve-image',
      'never',
      ...STACK_FILES.flatMap((file) => ['-c', file]),
      settings.stack,
    ],
    { cwd: WORKSPACE_ROOT, env: { ...process.env, ...stackVariables(settings) } },
  );
}

const REMOVAL_TIMEOUT_MS = 120_000;

/**
 * `docker stack rm`, then waits until its containers and networks are gone and removes its
 * volumes (stack rm leaves volumes behind on purpose; this test's data is disposable).
 */
export async function removeStack(stack: string, log: (line: string) => void): Promise<void> {
  const label = `label=com.docker.stack.namespace=${stack}`;
  await dockerResult(['stack', 'rm', stack]);
  const leftOver = async () => {
    const containers = (await docker(['ps', '-aq', '--filter', label])).trim();
    const networks = (await docker(['network', 'ls', '-q', '--filter', label])).trim();
    return `${containers} ${networks}`.trim();
  };
  if (!(await eventually(leftOver, (ids) => ids === '', REMOVAL_TIMEOUT_MS, 1_000)).settled)
    throw new Error(`stack ${stack}: containers or networks still there after ${REMOVAL_TIMEOUT_MS / 1000} s`);
  const volumes = (await docker(['volume', 'ls', '-q', '--filter', label])).trim().split('\n').filter(Boolean);
  if (volumes.length > 0) {
    await docker(['volume', 'rm', ...volumes]);
    log(`  removed volumes ${volumes.join(', ')}`);
  }
}

/** True when a stack of this name exists (a run that was interrupted before its cleanup). */
export async function stackExists(stack: string): Promise<boolean> {
  const services = await docker(['service', 'ls', '-q', '--filter', `label=com.docker.stack.namespace=${stack}`]);
  return services.trim() !== '';
}
