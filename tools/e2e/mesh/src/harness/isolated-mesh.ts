import { WORKSPACE_ROOT } from '@mesh/infra';
import { buildServices, type MeshService } from '@mesh/mesh-start';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { newTokenIssuer, serveKeySet, signAccessToken, type TestIssuer } from '../../../kit/src/access-tokens';
import { type DomainName, DOMAINS } from '../../../kit/src/api/domain-apis';
import { freePorts } from '../../../kit/src/free-port';
import type { CleanupStack } from './cleanup-stack';
import { type IsolatedStores, startIsolatedStores } from './isolated-stores';
import { MeshProcesses } from './mesh-processes';
import type { RedisMode } from './redis/redis-under-test';

export interface IsolatedMeshOptions {
  /** Names the databases, the log directory (.mesh/<purpose>/logs) and the Redis data directory. */
  purpose: string;
  /** Run `nx run-many -t build` first (nx skips what is up to date). */
  build: boolean;
  /** Run the services from their TypeScript sources (no build needed; `build` is then pointless). */
  fromSource?: boolean;
  /** Where the build's output goes (stderr when stdout is a report). */
  buildOutput?: 'stdout' | 'stderr';
  log: (line: string) => void;
  /** Variables for every service on top of the mesh's own (e.g. a log level). */
  serviceEnv?: Record<string, string>;
  /** The identity provider whose tokens the services accept; a new one (a key pair of its own) when not given. */
  issuer?: TestIssuer;
  /** Processes per domain (1): each replica set is the three domains on ports of their own. */
  replicas?: number;
  /** A MongoDB-compatible server of the run's own, which the run may restart (stores.mongo). */
  ownMongo?: boolean;
  /** The layout of the run's Redis (one server by default). */
  redisMode?: RedisMode;
  /**
   * Open the V8 inspector of the first replica set's services on 127.0.0.1 (free ports, in
   * `inspectorPorts`), so that the run can collect their garbage before it measures them.
   */
  inspectFirstReplicas?: boolean;
}

/** A whole mesh that shares nothing it could break with the developer's or CI's other runs. */
export interface IsolatedMesh {
  /** The first replica of each domain. */
  readonly processes: MeshProcesses;
  /** Every replica set (one with `replicas: 1`), the first being `processes`. */
  readonly replicaSets: readonly MeshProcesses[];
  readonly stores: IsolatedStores;
  /** The inspector port of each domain's first replica, with `inspectFirstReplicas`. */
  readonly inspectorPorts: ReadonlyMap<DomainName, number>;
  /** The identity provider of the run: the services fetch its key set from `jwksUrl`. */
  readonly issuer: TestIssuer;
  readonly jwksUrl: string;
  /** A token for the three APIs with every scope. */
  readonly token: string;
  readonly logDir: string;
}

/**
 * Builds the three domains, gives them fresh databases and a Redis of their own, and starts each
 * as a separate process on a free port (not 3001-3003, which `npm start` or a developer may
 * hold), trusting an identity provider of the run's own, whose key set they fetch over HTTP
 * (AUTH_JWKS_URL, as in production). Everything it starts is undone by `cleanup`.
 */
export async function startIsolatedMesh(options: IsolatedMeshOptions, cleanup: CleanupStack): Promise<IsolatedMesh> {
  if (options.build)
    await buildServices(
      DOMAINS.map((name) => ({ name })),
      options.buildOutput,
    );
  const stores = await startIsolatedStores(options.purpose, cleanup, options.log, options);

  const logDir = join(WORKSPACE_ROOT, '.mesh', options.purpose, 'logs');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const issuer = options.issuer ?? newTokenIssuer(options.purpose);
  const jwks = await serveKeySet(issuer);
  cleanup.defer('stop serving the key set', () => jwks.close());
  const env: NodeJS.ProcessEnv = {
    ...withoutAuthVariables(process.env),
    ...stores.env,
    AUTH_JWKS_URL: jwks.url,
    AUTH_ISSUER: issuer.issuer,
    // Not the developer's .mesh/env: every store URL is given here.
    MESH_ENV_FILE: join(logDir, 'no-env-file'),
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    // The thresholds the expected tiers are computed with.
    TIER_SILVER_MIN_ORDERS: '3',
    TIER_GOLD_MIN_ORDERS: '10',
    ...options.serviceEnv,
  };
  const replicas = options.replicas ?? 1;
  const replicaSets: MeshProcesses[] = [];
  const inspectorPorts = new Map<DomainName, number>();
  // Every port of the run chosen at once, so that no two of them are the same.
  const ports = await freePorts(replicas * DOMAINS.length + (options.inspectFirstReplicas ? DOMAINS.length : 0));
  const nextPort = () => ports.shift() as number;
  for (let replica = 1; replica <= replicas; replica += 1) {
    const services = new Map<DomainName, MeshService>();
    for (const name of DOMAINS) {
      const port = nextPort();
      if (replica > 1 || !options.inspectFirstReplicas) {
        services.set(name, { name, port });
        continue;
      }
      const inspectorPort = nextPort();
      inspectorPorts.set(name, inspectorPort);
      const nodeOptions = `${env['NODE_OPTIONS'] ?? ''} --inspect=127.0.0.1:${inspectorPort}`.trim();
      services.set(name, { name, port, env: { NODE_OPTIONS: nodeOptions } });
    }
    const setLogDir = replicas === 1 ? logDir : join(logDir, `replica-${replica}`);
    mkdirSync(setLogDir, { recursive: true });
    const processes = new MeshProcesses(services, env, setLogDir, options.fromSource);
    cleanup.defer(`stop the services${replicas === 1 ? '' : ` of replica set ${replica}`}`, () => processes.stopAll());
    replicaSets.push(processes);
  }
  // One set after the other: the first creates the schemas and groups the others then find.
  for (const processes of replicaSets) await processes.startAll();
  replicaSets.forEach((processes, index) => {
    const which = replicas === 1 ? '' : ` replica ${index + 1}`;
    options.log(`mesh${which}: ${DOMAINS.map((name) => `${name} ${processes.url(name)}`).join(', ')}`);
  });
  options.log(`mesh: logs in ${logDir}`);
  const token = signAccessToken(issuer);
  return { processes: replicaSets[0], replicaSets, inspectorPorts, stores, issuer, jwksUrl: jwks.url, token, logDir };
}

/** The environment without the developer's token settings (a sourced .mesh/env names its key set). */
function withoutAuthVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AUTH_')));
}
