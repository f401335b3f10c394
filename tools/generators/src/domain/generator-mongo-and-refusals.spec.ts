import { readProjectConfiguration, type Tree } from '@nx/devkit';
import { parse } from 'yaml';

import { domainGenerator } from './generator';
import {
  expectEveryReferenceDefined,
  filesUnder,
  read,
  registeredPort,
  type Stack,
  stackOf,
  workspaceTree,
} from './generator-test-kit';

describe('domain generator, MongoDB', () => {
  let tree: Tree;

  beforeAll(async () => {
    tree = workspaceTree();
    await domainGenerator(tree, { name: 'loyalty', store: 'mongo', port: 3100, consumes: 'customers.customer.v1' });
  });

  it('creates the Mongoose store with its outbox and the inbox-guarded consumer, and no migrations', () => {
    const files = filesUnder(tree, 'apps/loyalty');
    expect(files).toEqual(
      expect.arrayContaining([
        'src/config/loyalty-mongodb.config.ts',
        'src/database/loyalty-mongoose.module.ts',
        'src/store/stored-item.schema.ts',
        'src/store/item-outbox.providers.ts',
        'src/store/mongo-item-store.ts',
        'src/customer-activity/customer-activity-store.ts',
        'src/store/customer-activity.schema.ts',
        'src/store/mongo-customer-activity-store.ts',
        'src/store/customer-activity-store.module.ts',
        'test/loyalty-test-app.ts',
      ]),
    );
    expect(files.some((file) => file.includes('migrations') || file.includes('entity'))).toBe(false);
    expect(read(tree, 'apps/loyalty/src/store/mongo-customer-activity-store.ts')).toContain('applyEventOnce(');
    expect(registeredPort(tree, 'loyalty')).toBe(3100);
  });

  it('has nx serve bring up MongoDB and Redis first, through its infra target', () => {
    const targets = readProjectConfiguration(tree, 'loyalty').targets ?? {};
    expect(targets['infra']).toEqual({ options: { args: 'mongo redis' } });
    expect(targets['serve']?.dependsOn).toEqual(['infra', 'build']);
  });

  it('consumes customers.customer.v1 with the types the customers product declares', () => {
    const product = read(tree, 'libs/loyalty/contracts/src/product/loyalty.product.ts');
    expect(product).toMatch(/stream: 'customers\.customer\.v1',\n\s+from: 'customers',\n\s+group: 'loyalty',/);
    expect(product).toContain("'customers.customer.registered'");
    expect(product).toContain("'customers.customer.tier-changed'");
    expect(read(tree, 'apps/loyalty/src/customer-activity/customer-events.consumer.ts')).toContain(
      "} from '@mesh/customers-contracts';",
    );
  });

  it('adds the service to the Swarm stack on a network of its own to MongoDB', () => {
    const stack = parse(read(tree, 'deploy/stack.yml'), { merge: true }) as Stack;
    expect(stack.services['loyalty'].environment).toMatchObject({
      LOYALTY_MONGODB_URL_FILE: '/run/secrets/mongodb_url',
    });
    expect(stack.services['mongo'].networks).toContain('loyalty-store');
    expect(stack.services['postgres'].networks).not.toContain('loyalty-store');
    expectEveryReferenceDefined(stack);
  });

  it("gives MongoDB the domain's URL, from which its init script creates the domain's user", () => {
    const mongo = stackOf(tree).services['mongo'];
    expect(mongo.environment).toMatchObject({
      CUSTOMERS_MONGODB_URL_FILE: '/run/secrets/customers_mongodb_url',
      LOYALTY_MONGODB_URL_FILE: '/run/secrets/loyalty_mongodb_url',
    });
    expect(mongo.secrets).toContainEqual({ source: 'mesh_loyalty_mongodb_url', target: 'loyalty_mongodb_url' });
  });

  it('puts FerretDB on its store network in the FerretDB variant of the stack', () => {
    const before = stackOf(workspaceTree(), 'deploy/stack.ferretdb.yml');
    const ferretdb = stackOf(tree, 'deploy/stack.ferretdb.yml');
    expect(ferretdb.services['ferretdb'].networks).toEqual([...before.services['ferretdb'].networks, 'loyalty-store']);
  });

  it('registers the domain with its MongoDB store in the mesh registry, from which tools/infra derives its URL', () => {
    const registry = JSON.parse(read(tree, 'mesh.json')) as { domains: Array<{ name: string }> };
    expect(registry.domains.at(-1)).toEqual({ name: 'loyalty', port: 3100, store: 'mongo' });
  });
});

describe('domain generator, refusals', () => {
  it.each([
    [{ name: 'Stock' }, /lower-case kebab/],
    [{ name: 'stock_levels' }, /lower-case kebab/],
    [{ name: 'platform' }, /reserved/],
    [{ name: 'stock', consumes: 'stock.item.v1' }, /not its own/],
    [{ name: 'stock', consumes: 'orders.order' }, /not a stream name/],
    [{ name: 'stock', consumes: 'orders.order.v2' }, /orders publishes orders\.order\.v1, not orders\.order\.v2/],
    [{ name: 'stock', consumes: 'payments.payment.v1' }, /no contracts library @mesh\/payments-contracts/],
    [{ name: 'stock', port: 3001 }, /port 3001 is already the port of orders/],
    [{ name: 'stock', store: 'redis' as 'mongo' }, /--store must be postgres or mongo/],
  ])('refuses %j', async (options, message) => {
    const tree = workspaceTree();
    await expect(domainGenerator(tree, options)).rejects.toThrow(message);
    expect(tree.listChanges().filter((change) => change.path.startsWith('apps/stock'))).toEqual([]);
  });

  it('refuses a domain that exists', async () => {
    const tree = workspaceTree();
    await domainGenerator(tree, { name: 'stock' });
    await expect(domainGenerator(tree, { name: 'stock' })).rejects.toThrow(/a project named stock exists already/);
  });

  it('still generates when a file to register in is missing, and says what to do by hand', async () => {
    const tree = workspaceTree();
    tree.delete('mesh.json');
    tree.delete('tools/contracts/src/cli.ts');
    const report = await domainGenerator(tree, { name: 'stock' });
    const { logger } = await import('@nx/devkit');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    report();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('add {"name":"stock","port":3005,"store":"postgres"} to its domains'));
    expect(tree.exists('apps/stock/src/main.ts')).toBe(true);
    expect(Object.keys(readProjectConfiguration(tree, 'stock-contracts').targets ?? {})).toEqual(['typecheck']);
    warn.mockRestore();
    info.mockRestore();
  });
});
