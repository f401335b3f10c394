import { readProjectConfiguration, type Tree, workspaceRoot } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { domainGenerator } from './generator';
import {
  expectEveryReferenceDefined,
  filesUnder,
  haproxySections,
  read,
  registeredPort,
  type Stack,
  stackOf,
  workspaceTree,
} from './generator-test-kit';
import { REGISTRATION_FILES } from './workspace-registrations';

describe('domain generator, PostgreSQL', () => {
  let tree: Tree;
  let report: () => void;

  beforeAll(async () => {
    tree = workspaceTree();
    report = await domainGenerator(tree, { name: 'stock-levels', store: 'postgres' });
  });

  it('creates the contracts library with its tags and tsconfig path', () => {
    expect(readProjectConfiguration(tree, 'stock-levels-contracts')).toMatchObject({
      root: 'libs/stock-levels/contracts',
      tags: ['scope:stock-levels', 'type:contracts', 'runtime:framework-free'],
    });
    const paths = JSON.parse(read(tree, 'tsconfig.base.json')).compilerOptions.paths;
    expect(paths['@mesh/stock-levels-contracts']).toEqual(['./libs/stock-levels/contracts/src/index.ts']);
    expect(filesUnder(tree, 'libs/stock-levels/contracts/src')).toEqual([
      'api/create-item.request.ts',
      'api/item.response.ts',
      'events/item-created.event.ts',
      'events/item-events.spec.ts',
      'events/item-events.ts',
      'events/item-values.ts',
      'index.ts',
      'product/stock-levels.product.ts',
    ]);
  });

  it('creates the app with the TypeORM store, migrations and the consumer of orders.order.v1', () => {
    expect(readProjectConfiguration(tree, 'stock-levels')).toMatchObject({
      root: 'apps/stock-levels',
      projectType: 'application',
      tags: ['scope:stock-levels', 'type:app', 'runtime:nest'],
    });
    const files = filesUnder(tree, 'apps/stock-levels');
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'eslint.config.mjs',
        'jest.config.ts',
        'project.json',
        'tsconfig.app.json',
        'tsconfig.json',
        'webpack.config.js',
        'src/main.ts',
        'src/telemetry.ts',
        'src/attacks.int-spec.ts',
        'src/app.module.ts',
        'src/service-options.ts',
        'src/config/stock-levels-database.config.ts',
        'src/database/stock-levels-typeorm.module.ts',
        'src/migrations/index.ts',
        'src/migrations/migrations.int-spec.ts',
        'src/store/item.entity.ts',
        'src/store/typeorm-item-store.ts',
        'src/items/items.controller.ts',
        'src/items/item.spec.ts',
        'src/items/items.int-spec.ts',
        'src/order-activity/order-activity-store.ts',
        'src/store/order-activity.entity.ts',
        'src/store/typeorm-order-activity-store.ts',
        'src/store/order-activity-store.module.ts',
        'src/order-activity/order-events.consumer.ts',
        'src/order-activity/order-events.consumer.spec.ts',
        'src/order-activity/order-events.transport.ts',
        'src/order-activity/order-activity.int-spec.ts',
        'test/stock-levels-test-app.ts',
        'test/order-events.ts',
      ]),
    );
    expect(files.filter((file) => /^src\/migrations\/\d{13}-create-/.test(file))).toHaveLength(2);
    expect(files.some((file) => file.includes('schema'))).toBe(false);
  });

  it('has nx serve bring up its stores first, PostgreSQL and Redis, through its infra target', () => {
    const targets = readProjectConfiguration(tree, 'stock-levels').targets ?? {};
    expect(targets['infra']).toEqual({ options: { args: 'postgres redis' } });
    expect(targets['serve']?.dependsOn).toEqual(['infra', 'build']);
  });

  it('leaves no template syntax behind and spells the name for each use', () => {
    for (const file of filesUnder(tree, 'apps/stock-levels').concat(
      filesUnder(tree, 'libs/stock-levels/contracts').map((file) => `../../libs/stock-levels/contracts/${file}`),
    )) {
      const content = read(tree, join('apps/stock-levels', file));
      expect([file, /<%|%>|__\w+__/.test(file + content)]).toEqual([file, false]);
    }
    expect(read(tree, 'apps/stock-levels/src/app.module.ts')).toContain('export class StockLevelsModule');
    expect(read(tree, 'apps/stock-levels/src/config/stock-levels-database.config.ts')).toContain(
      'STOCK_LEVELS_DATABASE_URL',
    );
    expect(read(tree, 'libs/stock-levels/contracts/src/events/item-created.event.ts')).toContain(
      "type: 'stock-levels.item.created'",
    );
  });

  it('declares the consumed stream in the manifest with every event type orders publishes on it', () => {
    const product = read(tree, 'libs/stock-levels/contracts/src/product/stock-levels.product.ts');
    expect(product).toContain("stream: 'orders.order.v1',\n      from: 'orders',\n      group: 'stock-levels',");
    expect(product).toContain("eventTypes: ['orders.order.placed', 'orders.order.cancelled', 'orders.order.shipped']");
    const consumer = read(tree, 'apps/stock-levels/src/order-activity/order-events.consumer.ts');
    expect(consumer.match(/on\((\w+), /g)).toEqual(['on(orderPlaced, ', 'on(orderCancelled, ', 'on(orderShipped, ']);
    expect(consumer).toContain("group: 'stock-levels'");
    expect(consumer).toContain("} from '@mesh/orders-contracts';");
  });

  it('takes the first port above 3004 that no service uses, and adds the domain to the mesh registry', () => {
    expect(registeredPort(tree, 'stock-levels')).toBe(3005);
    const before = JSON.parse(readFileSync(join(workspaceRoot, 'mesh.json'), 'utf-8')) as { domains: unknown[] };
    expect(JSON.parse(read(tree, 'mesh.json'))).toEqual({
      ...before,
      domains: [...before.domains, { name: 'stock-levels', port: 3005, store: 'postgres' }],
    });
    expect(report).toEqual(expect.any(Function));
  });

  it('adds the service to the Swarm stack with its own store network and secrets, all defined', () => {
    const stack = parse(read(tree, 'deploy/stack.yml'), { merge: true }) as Stack;
    expect(stack.services['stock-levels']).toMatchObject({
      image: '${IMAGE_PREFIX:-mesh}/stock-levels:${STOCK_LEVELS_TAG:-latest}',
      environment: {
        NODE_ENV: 'production',
        PORT: '3005',
        STOCK_LEVELS_DATABASE_URL_FILE: '/run/secrets/database_url',
        REDIS_USERNAME: 'stock-levels',
      },
      networks: ['edge', 'events', 'stock-levels-store'],
      healthcheck: expect.objectContaining({ test: expect.any(Array) }),
      deploy: expect.objectContaining({ update_config: expect.objectContaining({ order: 'start-first' }) }),
    });
    expect(stack.services['postgres'].networks).toContain('stock-levels-store');
    expect(stack.services['postgres'].environment).toMatchObject({
      STOCK_LEVELS_DATABASE_URL_FILE: '/run/secrets/stock_levels_database_url',
    });
    expect(stack.services['catalog'].environment['CATALOG_PRODUCTS']).toMatch(/,http:\/\/stock-levels:3005$/);
    expectEveryReferenceDefined(stack);
  });

  it('publishes the API through the gateway, under a new name for the gateway config', () => {
    const before = stackOf(workspaceTree());
    const stack = stackOf(tree);
    // The domains' APIs in the registry's order, then the catalog's.
    const beforePorts = (before.services['gateway'].ports ?? []).map((port) => [port.target, port.published]);
    expect(stack.services['gateway'].ports?.map((port) => [port.target, port.published])).toEqual([
      ...beforePorts.slice(0, -1),
      [3005, '${STOCK_LEVELS_PUBLISHED_PORT:-3005}'],
      beforePorts.at(-1),
    ]);
    // A Swarm config cannot change: a running stack takes the edited haproxy.cfg only under a new name.
    const [config] = stack.services['gateway'].configs?.map((one) => one.source) ?? [];
    expect(config).toMatch(/^gateway-config-[0-9a-f]{8}$/);
    expect(config).not.toBe(before.services['gateway'].configs?.[0].source);
    expect(stack.configs[config].file).toBe('./gateway/haproxy.cfg');
    expect(Object.keys(stack.configs)).not.toContain(before.services['gateway'].configs?.[0].source);

    const sections = haproxySections(read(tree, 'deploy/gateway/haproxy.cfg'));
    expect(sections.get('frontend stock-levels')).toEqual([
      'bind :3005',
      'http-request track-sc0 src table per-client-rates',
      expect.stringMatching(/^http-request return status 429 .* if \{ sc_http_req_rate\(0\) gt "\$\{GATEWAY_REQUESTS_PER_10S-20000\}" \}$/),
      'http-request deny deny_status 404 if { path_beg /metrics }',
      'default_backend stock-levels',
    ]);
    expect(sections.get('backend stock-levels')).toEqual([
      'option httpchk GET /health/ready',
      'http-check expect status 200',
      'server-template stock-levels- 10 tasks.stock-levels:3005',
    ]);
    // Every section the sample domains had is still there, unchanged.
    for (const [name, lines] of haproxySections(read(workspaceTree(), 'deploy/gateway/haproxy.cfg'))) {
      expect([name, sections.get(name)]).toEqual([name, lines]);
    }
  });

  it('names the gateway config anew with each domain', async () => {
    const twice = workspaceTree();
    await domainGenerator(twice, { name: 'returns', store: 'postgres' });
    const once = stackOf(twice).services['gateway'].configs?.[0].source;
    await domainGenerator(twice, { name: 'refunds', store: 'postgres' });
    const stack = stackOf(twice);
    expect(stack.services['gateway'].configs?.map((config) => config.source)).toEqual([expect.stringMatching(/^gateway-config-/)]);
    expect(stack.services['gateway'].configs?.[0].source).not.toBe(once);
    expect(stack.services['gateway'].ports?.map((port) => port.target).slice(-3)).toEqual([3005, 3006, 3004]);
    const sections = haproxySections(read(twice, 'deploy/gateway/haproxy.cfg'));
    expect(sections.get('backend refunds')).toContain('server-template refunds- 10 tasks.refunds:3006');
  });

  it('adds the product to the mesh products list', () => {
    const products = read(tree, 'tools/mesh-cli/src/products.ts');
    expect(products).toContain("import { stockLevelsProduct } from '@mesh/stock-levels-contracts';");
    expect(products).toMatch(/export const meshProducts[^=]*= \[[^\]]*analyticsProduct, stockLevelsProduct\]/);
  });

  it('gives the contracts library the contracts and contract-check targets of the contract tool', () => {
    const targets = readProjectConfiguration(tree, 'stock-levels-contracts').targets ?? {};
    expect(Object.keys(targets).sort()).toEqual(['contract-check', 'contracts', 'typecheck']);
    expect(targets['contract-check'].options).toMatchObject({
      command: expect.stringContaining('tools/contracts/src/cli.ts check'),
      export: 'stockLevelsProduct',
      serviceUrl: 'http://localhost:3005',
      // Its alert rules, dashboard and scrape job beside the other products'.
      observability: 'deploy/observability',
      // The service whose OpenAPI document the library commits and gates.
      app: 'apps/stock-levels/src/app.module.ts#StockLevelsModule',
      serviceOptions: 'apps/stock-levels/src/service-options.ts#stockLevelsServiceOptions',
    });
    expect(targets['contract-check'].inputs).toEqual(
      expect.arrayContaining(['{workspaceRoot}/apps/stock-levels/src/**/*', '{workspaceRoot}/deploy/observability/**/*']),
    );
  });

  it('counts the ports of the mesh registry as taken too', async () => {
    const other = workspaceTree();
    const registry = JSON.parse(read(other, 'mesh.json')) as { domains: unknown[] };
    registry.domains.push({ name: 'legacy', port: 3005, store: 'postgres' });
    other.write('mesh.json', JSON.stringify(registry));
    await domainGenerator(other, { name: 'later' });
    expect(registeredPort(other, 'later')).toBe(3006);
  });

  it('edits no file outside the domain but those it declares', () => {
    const seeded = workspaceTree();
    const edited = tree
      .listChanges()
      .map((change) => change.path)
      .filter((path) => !/^(apps|libs)\/stock-levels\//.test(path) && read(tree, path) !== read(seeded, path));
    const mongoOnly = ['deploy/stack.ferretdb.yml'];
    expect(edited.sort()).toEqual([...REGISTRATION_FILES].filter((file) => !mongoOnly.includes(file)).sort());
  });

  it('gives the next domain the next free port', async () => {
    await domainGenerator(tree, { name: 'returns', store: 'postgres' });
    expect(registeredPort(tree, 'returns')).toBe(3006);
  });
});
