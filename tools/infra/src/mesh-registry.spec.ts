import { checkRegistry, databaseName, databaseVariable, readMeshRegistry } from './mesh-registry';

const valid = {
  domains: [
    { name: 'orders', port: 3001, store: 'postgres' },
    { name: 'loyalty-points', port: 3005, store: 'mongo' },
  ],
  catalog: { port: 3004 },
};

describe('the mesh registry', () => {
  it("lists the workspace's domains, each on a port of its own", () => {
    const registry = readMeshRegistry();
    expect(registry.domains.map((domain) => domain.name)).toEqual(['orders', 'customers', 'analytics']);
    expect(new Set([...registry.domains.map((domain) => domain.port), registry.catalog.port]).size).toBe(4);
  });

  it('names each domain database and the variable of its URL', () => {
    const [orders, loyalty] = checkRegistry(valid, 'mesh.json').domains;
    expect([databaseVariable(orders), databaseName(orders)]).toEqual(['ORDERS_DATABASE_URL', 'orders']);
    expect([databaseVariable(loyalty), databaseName(loyalty)]).toEqual(['LOYALTY_POINTS_MONGODB_URL', 'loyalty_points']);
  });

  it.each([
    [{ ...valid, domains: [{ name: 'Orders', port: 3001, store: 'postgres' }] }, /lower-case kebab/],
    [{ ...valid, domains: [{ name: 'orders', port: 3001, store: 'redis' }] }, /store/],
    [{ ...valid, domains: [{ name: 'orders', port: 80, store: 'postgres' }] }, /port/],
    [{ ...valid, domains: [valid.domains[0], valid.domains[0]] }, /domain orders is listed twice/],
    [{ ...valid, catalog: { port: 3001 } }, /two services have one port: orders \(3001\), catalog \(3001\)/],
    [{ domains: [] }, /domains|catalog/],
  ])('refuses %j, saying what is wrong', (registry, message) => {
    expect(() => checkRegistry(registry, 'mesh.json')).toThrow(message);
  });
});
