import { readMeshRegistry, WORKSPACE_ROOT } from '@mesh/infra';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

  it("use the port each domain's root module declares, so nx serve and npm start agree", () => {
    for (const { name, port } of registry.domains) {
      const appModule = readFileSync(join(WORKSPACE_ROOT, 'apps', name, 'src', 'app.module.ts'), 'utf-8');
      expect([name, /defaultPort:\s*(\d+)/.exec(appModule)?.[1]]).toEqual([name, String(port)]);
    }
  });
});
