import { existsSync, readFileSync } from 'node:fs';

import { WORKSPACE_ROOT } from '../workspace';
import { type ResolvedService, type ResolvedStack, resolveStackConfig } from './stack-config';

const STACK = 'deploy/stack.yml';
const FERRETDB = 'deploy/stack.ferretdb.yml';
const STORES = ['redis', 'postgres', 'mongo'];

// The rules hold for every app in the file, so that a domain added by the generator is held to them too.
const appsOf = (stack: ResolvedStack) => entries(stack).filter(([, service]) => service.image.startsWith('mesh/'));
/** Apps on the event bus: the domains (the catalog only reads their HTTP APIs). */
const domainsOf = (stack: ResolvedStack) => appsOf(stack).filter(([, service]) => service.environment?.['REDIS_URL']);
const entries = (stack: ResolvedStack): [string, ResolvedService][] => Object.entries(stack.services);

/** haproxy.cfg as sections (`frontend x`, `backend x`, …) → their lines, trimmed, comments left out. */
function haproxySections(config: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of config.split('\n').filter((text) => text.trim() !== '' && !text.trim().startsWith('#'))) {
    if (/^\S/.test(line)) sections.set(line.trim(), (current = []));
    else current?.push(line.trim());
  }
  return sections;
}

describe('deploy/stack.yml through `docker stack config`', () => {
  let stack: ResolvedStack;
  let warnings: string;

  beforeAll(async () => {
    ({ stack, warnings } = await resolveStackConfig([STACK]));
  });

  it('resolves with no variable set and no warning', () => {
    expect(warnings).toBe('');
    expect(Object.keys(stack.services)).toEqual(
      expect.arrayContaining(['gateway', ...STORES, 'orders', 'customers', 'analytics', 'catalog']),
    );
  });

  it('runs the sample domains with their replicas and the gateway on every node', () => {
    const replicas = Object.fromEntries(
      ['orders', 'customers', 'analytics', 'catalog'].map((app) => [app, stack.services[app].deploy?.replicas]),
    );
    expect(replicas).toEqual({ orders: 2, customers: 2, analytics: 1, catalog: 1 });
    expect(stack.services['gateway'].deploy?.mode).toBe('global');
  });

  it('gives every service a health check, a restart policy and resource limits', () => {
    for (const [name, service] of entries(stack)) {
      expect({ name, healthcheck: (service.healthcheck?.test?.length ?? 0) > 1 }).toEqual({ name, healthcheck: true });
      expect({ name, restart: service.deploy?.restart_policy?.condition }).toEqual({ name, restart: 'any' });
      expect({ name, limits: service.deploy?.resources?.limits }).toEqual({
        name,
        limits: { cpus: expect.stringMatching(/^\d/), memory: expect.stringMatching(/^\d+$/) },
      });
    }
  });

  it('rolls the apps one task at a time, new task first, back on failure; stores stop first', () => {
    expect(appsOf(stack).length).toBeGreaterThanOrEqual(4);
    for (const [app, service] of appsOf(stack)) {
      expect({ app, update: service.deploy?.update_config }).toEqual({
        app,
        update: expect.objectContaining({ parallelism: 1, order: 'start-first', failure_action: 'rollback' }),
      });
      expect({ app, rollback: service.deploy?.rollback_config?.parallelism }).toEqual({ app, rollback: 1 });
    }
    for (const store of STORES) {
      expect({ store, order: stack.services[store].deploy?.update_config?.order }).toEqual({
        store,
        order: 'stop-first',
      });
    }
  });

  it('reads every secret from a file that Swarm mounts, none from a plain variable', () => {
    expect(Object.values(stack.secrets).every((secret) => secret.external === true && secret.file === undefined)).toBe(
      true,
    );
    for (const [name, service] of entries(stack)) {
      const variables = Object.entries(service.environment ?? {});
      const plain = variables.filter(([variable]) => /(PASSWORD|SECRET|_KEY|DATABASE_URL|MONGODB_URL)$/.test(variable));
      expect({ name, plain }).toEqual({ name, plain: [] });
      const mounted = [
        ...(service.secrets ?? []).map((secret) => `/run/secrets/${secret.target ?? secret.source}`),
        ...(service.configs ?? []).map((config) => config.target ?? `/${config.source}`),
      ];
      for (const [variable, value] of variables.filter(([variable]) => variable.endsWith('_FILE'))) {
        expect({ name, variable, mounted: mounted.includes(value) }).toEqual({ name, variable, mounted: true });
      }
    }
  });

  it('gives no service a key that can sign an access token: the domains get public keys, the catalog none', () => {
    // Whoever holds a signing key (an HS256 secret, a private key) can mint any domain's write scope.
    const signing = /JWT|SIGNING|PRIVATE|AUTH_DEV_HS256|AUTH_JWT_SECRET/i;
    expect(Object.keys(stack.secrets).filter((secret) => signing.test(secret) || /jwt|jwks/i.test(secret))).toEqual([]);
    for (const [name, service] of appsOf(stack)) {
      const variables = Object.keys(service.environment ?? {});
      expect({ name, variables: variables.filter((variable) => signing.test(variable)) }).toEqual({
        name,
        variables: [],
      });
      const secrets = (service.secrets ?? []).map((secret) => secret.source);
      expect({ name, secrets: secrets.filter((secret) => /jwt|jwks|sign|private|issuer/i.test(secret)) }).toEqual({
        name,
        secrets: [],
      });
    }
    for (const [domain, service] of domainsOf(stack)) {
      const keySet = service.configs?.find((config) => config.target === service.environment?.['AUTH_JWKS_FILE']);
      expect({ domain, keySet: keySet?.source, issuer: service.environment?.['AUTH_ISSUER'] }).toEqual({
        domain,
        keySet: 'mesh_auth_jwks',
        issuer: 'mesh-issuer',
      });
      // Its audience is its name: no AUTH_AUDIENCE that would let one token open several domains.
      expect({ domain, audience: service.environment?.['AUTH_AUDIENCE'] }).toEqual({ domain, audience: undefined });
    }
    // A config is public (any service may mount it, `docker config inspect` shows it): it holds a key set, not a key.
    expect(stack.configs['mesh_auth_jwks']).toEqual({ name: 'mesh_auth_jwks', external: true });
    const catalog = stack.services['catalog'];
    expect({ secrets: catalog.secrets ?? [], configs: catalog.configs ?? [] }).toEqual({ secrets: [], configs: [] });
    expect(Object.keys(catalog.environment ?? {}).filter((variable) => variable.startsWith('AUTH_'))).toEqual([]);
  });

  it('connects each domain to Redis as its own user, with no credentials in the URL', () => {
    expect(domainsOf(stack).map(([name]) => name)).toEqual(
      expect.arrayContaining(['orders', 'customers', 'analytics']),
    );
    for (const [domain, service] of domainsOf(stack)) {
      expect({ domain, user: service.environment?.['REDIS_USERNAME'] }).toEqual({ domain, user: domain });
      expect({ domain, password: new URL(service.environment?.['REDIS_URL'] ?? '').password }).toEqual({
        domain,
        password: '',
      });
      const passwordSecret = service.secrets?.find((secret) => secret.target === 'redis_password')?.source;
      expect({ domain, passwordSecret }).toEqual({
        domain,
        passwordSecret: expect.stringMatching(/^mesh_redis_password_/),
      });
    }
  });

  it("puts each domain's store on a network of its own, which no other domain joins", () => {
    const networksOf = ([, service]: [string, ResolvedService]) => Object.keys(service.networks ?? {}).sort();
    for (const domain of domainsOf(stack)) {
      expect({ domain: domain[0], networks: networksOf(domain) }).toEqual({
        domain: domain[0],
        networks: [`${domain[0]}-store`, 'edge', 'events'].sort(),
      });
    }
    expect(networksOf(['catalog', stack.services['catalog']])).toEqual(['edge']);
    expect(networksOf(['redis', stack.services['redis']])).toEqual(['events']);
    expect(networksOf(['postgres', stack.services['postgres']])).toEqual(
      expect.arrayContaining(['analytics-store', 'orders-store']),
    );
    expect(networksOf(['mongo', stack.services['mongo']])).toEqual(expect.arrayContaining(['customers-store']));
    for (const store of ['postgres', 'mongo']) {
      expect(networksOf([store, stack.services[store]]).every((network) => network.endsWith('-store'))).toBe(true);
    }
    for (const [name, network] of Object.entries(stack.networks).filter(([name]) => name !== 'edge')) {
      expect({ name, ...network }).toEqual({ name, driver: 'overlay', internal: true });
    }
  });

  it('publishes only the gateway, in host mode with DNS round robin by default', () => {
    const published = entries(stack).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(published.map(([name]) => name)).toEqual(['gateway']);
    const ports = stack.services['gateway'].ports?.map((port) => [port.target, Number(port.published), port.mode]);
    expect(ports).toEqual(
      expect.arrayContaining([
        [3001, 3001, 'host'],
        [3002, 3002, 'host'],
        [3003, 3003, 'host'],
        [3004, 3004, 'host'],
      ]),
    );
    expect(ports?.every(([target, published, mode]) => target === published && mode === 'host')).toBe(true);
    expect(new Set(entries(stack).map(([, service]) => service.deploy?.endpoint_mode))).toEqual(new Set(['dnsrr']));
  });

  it("publishes every app's API through the gateway: a port, a frontend and a backend to its tasks", () => {
    const gateway = stack.services['gateway'];
    const config = Object.entries(stack.configs).find(([name]) => name.startsWith('gateway-config'))?.[1].file ?? '';
    const sections = haproxySections(readFileSync(config, 'utf8'));
    for (const [app, service] of appsOf(stack)) {
      const port = Number(service.environment?.['PORT']);
      expect({ app, published: gateway.ports?.some((published) => published.target === port) }).toEqual({
        app,
        published: true,
      });
      expect({ app, frontend: sections.get(`frontend ${app}`) }).toEqual({
        app,
        frontend: expect.arrayContaining([`bind :${port}`, `default_backend ${app}`]),
      });
      expect({ app, backend: sections.get(`backend ${app}`) }).toEqual({
        app,
        backend: expect.arrayContaining([
          'option httpchk GET /health/ready',
          expect.stringMatching(new RegExp(`^server-template ${app}- \\d+ tasks\\.${app}:${port}$`)),
        ]),
      });
    }
  });

  it('ships the files its configs name', () => {
    const files = Object.values(stack.configs)
      .filter((config) => !config.external)
      .map((config) => config.file ?? '');
    expect(files.map((file) => file.replace(`${WORKSPACE_ROOT}/`, ''))).toEqual([
      'deploy/gateway/haproxy.cfg',
      'deploy/mongo/create-domain-users.js',
      'deploy/postgres/create-domain-databases.sh',
    ]);
    for (const file of files) expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
  });

  it('takes images, tags, modes, ports, pace, secret names and the token issuer from variables', async () => {
    const { stack: custom, warnings: customWarnings } = await resolveStackConfig([STACK], {
      IMAGE_PREFIX: 'registry.example.com/shop',
      ORDERS_TAG: '1.4.2',
      ORDERS_REPLICAS: '5',
      ENDPOINT_MODE: 'vip',
      PUBLISH_MODE: 'ingress',
      ORDERS_PUBLISHED_PORT: '8081',
      UPDATE_MONITOR: '10s',
      SECRET_PREFIX: 'shop-2026',
      AUTH_ISSUER: 'https://login.shop.example',
      AUTH_JWKS_VERSION: '_2',
    });
    expect(customWarnings).toBe('');
    expect(custom.services['orders'].image).toBe('registry.example.com/shop/orders:1.4.2');
    expect(custom.services['customers'].image).toBe('registry.example.com/shop/customers:latest');
    expect(custom.services['orders'].deploy?.replicas).toBe(5);
    expect(custom.services['orders'].deploy?.endpoint_mode).toBe('vip');
    expect(custom.services['orders'].deploy?.update_config).toMatchObject({ monitor: '10s' });
    expect(custom.services['gateway'].ports?.[0]).toMatchObject({ target: 3001, published: 8081, mode: 'ingress' });
    expect(custom.secrets['mesh_redis_acl'].name).toBe('shop-2026_redis_acl');
    expect(custom.configs['mesh_auth_jwks'].name).toBe('shop-2026_auth_jwks_2');
    expect(custom.services['orders'].environment?.['AUTH_ISSUER']).toBe('https://login.shop.example');
  });
});

describe('deploy/stack.ferretdb.yml over deploy/stack.yml', () => {
  it('replaces MongoDB with FerretDB on the customers network and runs one customers replica', async () => {
    const { stack, warnings } = await resolveStackConfig([STACK, FERRETDB]);
    expect(warnings).toBe('');
    expect(stack.services['mongo'].deploy?.replicas).toBe(0);
    expect(stack.services['ferretdb'].image).toBe('ghcr.io/ferretdb/ferretdb:1.24.2');
    // Every MongoDB domain (customers, and any the generator adds) reaches FerretDB instead.
    expect(Object.keys(stack.services['ferretdb'].networks ?? {}).sort()).toEqual(
      Object.keys(stack.services['mongo'].networks ?? {}).sort(),
    );
    expect(Object.keys(stack.services['ferretdb'].networks ?? {})).toContain('customers-store');
    expect(stack.services['customers'].deploy?.replicas).toBe(1);
    expect(stack.services['orders'].deploy?.replicas).toBe(2);
  });
});
