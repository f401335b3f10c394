import { existsSync } from 'node:fs';

import { WORKSPACE_ROOT } from '../workspace';
import { type ResolvedStack, resolveStackConfig } from './stack-config';

const STACK = 'deploy/stack.yml';
const FERRETDB = 'deploy/stack.ferretdb.yml';
const DOMAINS = ['orders', 'customers', 'analytics'];
const APPS = [...DOMAINS, 'catalog'];
const STORES = ['redis', 'postgres', 'mongo'];

describe('deploy/stack.yml through `docker stack config`', () => {
  let stack: ResolvedStack;
  let warnings: string;

  beforeAll(async () => {
    ({ stack, warnings } = await resolveStackConfig([STACK]));
  });

  it('resolves with no variable set and no warning', () => {
    expect(warnings).toBe('');
    expect(Object.keys(stack.services).sort()).toEqual(['analytics', 'catalog', 'customers', 'gateway', 'mongo', 'orders', 'postgres', 'redis']);
  });

  it('runs the domains with their replicas and the gateway on every node', () => {
    const replicas = Object.fromEntries(APPS.map((app) => [app, stack.services[app].deploy?.replicas]));
    expect(replicas).toEqual({ orders: 2, customers: 2, analytics: 1, catalog: 1 });
    expect(stack.services['gateway'].deploy?.mode).toBe('global');
  });

  it('gives every service a health check, a restart policy and resource limits', () => {
    for (const [name, service] of Object.entries(stack.services)) {
      expect({ name, healthcheck: (service.healthcheck?.test?.length ?? 0) > 1 }).toEqual({ name, healthcheck: true });
      expect({ name, restart: service.deploy?.restart_policy?.condition }).toEqual({ name, restart: 'any' });
      expect({ name, limits: service.deploy?.resources?.limits }).toEqual({
        name,
        limits: { cpus: expect.stringMatching(/^\d/), memory: expect.stringMatching(/^\d+$/) },
      });
    }
  });

  it('rolls the apps one task at a time, new task first, back on failure; stores stop first', () => {
    for (const app of APPS) {
      expect({ app, update: stack.services[app].deploy?.update_config }).toEqual({
        app,
        update: expect.objectContaining({ parallelism: 1, order: 'start-first', failure_action: 'rollback' }),
      });
      expect({ app, rollback: stack.services[app].deploy?.rollback_config?.parallelism }).toEqual({ app, rollback: 1 });
    }
    for (const store of STORES) {
      expect({ store, order: stack.services[store].deploy?.update_config?.order }).toEqual({ store, order: 'stop-first' });
    }
  });

  it('reads every secret from a file that Swarm mounts, none from a plain variable', () => {
    expect(Object.values(stack.secrets).every((secret) => secret.external === true && secret.file === undefined)).toBe(true);
    for (const [name, service] of Object.entries(stack.services)) {
      const variables = Object.entries(service.environment ?? {});
      const plain = variables.filter(([variable]) => /(PASSWORD|SECRET|_KEY|DATABASE_URL|MONGODB_URL)$/.test(variable));
      expect({ name, plain }).toEqual({ name, plain: [] });
      for (const [variable, value] of variables.filter(([variable]) => variable.endsWith('_FILE'))) {
        const mounted = (service.secrets ?? []).map((secret) => `/run/secrets/${secret.target ?? secret.source}`);
        expect({ name, variable, mounted: mounted.includes(value) }).toEqual({ name, variable, mounted: true });
      }
    }
    expect(new URL(stack.services['orders'].environment?.['REDIS_URL'] ?? '').password).toBe('');
  });

  it('connects each domain as its own Redis user', () => {
    for (const domain of DOMAINS) {
      expect(stack.services[domain].environment?.['REDIS_USERNAME']).toBe(domain);
      expect(stack.services[domain].secrets?.map((secret) => secret.source)).toContain(`mesh_redis_password_${domain}`);
    }
  });

  it('puts each store on its own domain network and keeps the domains off the others', () => {
    const networksOf = (service: string) => Object.keys(stack.services[service].networks ?? {}).sort();
    expect(networksOf('orders')).toEqual(['edge', 'events', 'orders-store']);
    expect(networksOf('customers')).toEqual(['customers-store', 'edge', 'events']);
    expect(networksOf('analytics')).toEqual(['analytics-store', 'edge', 'events']);
    expect(networksOf('catalog')).toEqual(['edge']);
    expect(networksOf('redis')).toEqual(['events']);
    expect(networksOf('postgres')).toEqual(['analytics-store', 'orders-store']);
    expect(networksOf('mongo')).toEqual(['customers-store']);
    for (const name of ['events', 'orders-store', 'customers-store', 'analytics-store']) {
      expect({ name, ...stack.networks[name] }).toEqual({ name, driver: 'overlay', internal: true });
    }
  });

  it('publishes only the gateway, in host mode with DNS round robin by default', () => {
    const published = Object.entries(stack.services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(published.map(([name]) => name)).toEqual(['gateway']);
    expect(stack.services['gateway'].ports?.map((port) => [port.target, Number(port.published), port.mode])).toEqual([
      [3001, 3001, 'host'],
      [3002, 3002, 'host'],
      [3003, 3003, 'host'],
      [3004, 3004, 'host'],
    ]);
    expect(new Set(Object.values(stack.services).map((service) => service.deploy?.endpoint_mode))).toEqual(new Set(['dnsrr']));
  });

  it('ships the files its configs name', () => {
    const files = Object.values(stack.configs).map((config) => config.file ?? '');
    expect(files.map((file) => file.replace(`${WORKSPACE_ROOT}/`, ''))).toEqual([
      'deploy/gateway/haproxy.cfg',
      'deploy/mongo/create-customers-user.js',
      'deploy/postgres/create-domain-databases.sh',
    ]);
    for (const file of files) expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
  });

  it('takes images, tags, modes, ports and secret names from variables', async () => {
    const { stack: custom, warnings: customWarnings } = await resolveStackConfig([STACK], {
      IMAGE_PREFIX: 'registry.example.com/shop',
      ORDERS_TAG: '1.4.2',
      ORDERS_REPLICAS: '5',
      ENDPOINT_MODE: 'vip',
      PUBLISH_MODE: 'ingress',
      ORDERS_PUBLISHED_PORT: '8081',
      SECRET_PREFIX: 'shop-2026',
    });
    expect(customWarnings).toBe('');
    expect(custom.services['orders'].image).toBe('registry.example.com/shop/orders:1.4.2');
    expect(custom.services['customers'].image).toBe('registry.example.com/shop/customers:latest');
    expect(custom.services['orders'].deploy?.replicas).toBe(5);
    expect(custom.services['orders'].deploy?.endpoint_mode).toBe('vip');
    expect(custom.services['gateway'].ports?.[0]).toMatchObject({ target: 3001, published: 8081, mode: 'ingress' });
    expect(custom.secrets['mesh_jwt_secret'].name).toBe('shop-2026_jwt_secret');
  });
});

describe('deploy/stack.ferretdb.yml over deploy/stack.yml', () => {
  it('replaces MongoDB with FerretDB on the customers network and runs one customers replica', async () => {
    const { stack, warnings } = await resolveStackConfig([STACK, FERRETDB]);
    expect(warnings).toBe('');
    expect(stack.services['mongo'].deploy?.replicas).toBe(0);
    expect(stack.services['ferretdb'].image).toBe('ghcr.io/ferretdb/ferretdb:1.24.2');
    expect(Object.keys(stack.services['ferretdb'].networks ?? {})).toEqual(['customers-store']);
    expect(stack.services['customers'].deploy?.replicas).toBe(1);
    expect(stack.services['orders'].deploy?.replicas).toBe(2);
  });
});
