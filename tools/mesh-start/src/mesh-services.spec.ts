import { readMeshRegistry, WORKSPACE_ROOT } from '@mesh/infra';
import { localRegistryPort } from '@mesh/service';

import { MESH_SERVICES } from './mesh-services';

describe('the services npm start runs', () => {
  const registry = readMeshRegistry();

  it("are the registry's domains on their ports, then the catalog reading their products", () => {
    const domains = registry.domains.map(({ name, port }) => ({ name, port }));
    expect(MESH_SERVICES).toEqual([
      ...domains,
      {
        name: 'catalog',
        port: registry.catalog.port,
        env: { CATALOG_PRODUCTS: domains.map(({ port }) => `http://127.0.0.1:${port}`).join(',') },
      },
    ]);
  });

  it('are where nx serve puts each of them: a local run listens on its registry port', () => {
    for (const { name, port } of [...registry.domains, { name: 'catalog', port: registry.catalog.port }]) {
      expect([name, localRegistryPort(name, {}, WORKSPACE_ROOT)]).toEqual([name, port]);
    }
  });
});
