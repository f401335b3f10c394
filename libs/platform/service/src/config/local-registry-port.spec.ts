import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { localRegistryPort } from './local-registry-port';

describe('localRegistryPort', () => {
  let workspace: string;

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'mesh-registry-'));
    const registry = {
      domains: [
        { name: 'orders', port: 3001, store: 'postgres' },
        { name: 'stock', port: 3105, store: 'mongo' },
      ],
      catalog: { port: 3004 },
    };
    writeFileSync(join(workspace, 'mesh.json'), JSON.stringify(registry));
  });

  it("gives a domain's port, and the catalog's", () => {
    expect(localRegistryPort('stock', {}, workspace)).toBe(3105);
    expect(localRegistryPort('orders', {}, workspace)).toBe(3001);
    expect(localRegistryPort('catalog', {}, workspace)).toBe(3004);
  });

  it('gives nothing for a service it does not list, with no registry, or in production', () => {
    expect(localRegistryPort('test-app', {}, workspace)).toBeUndefined();
    expect(localRegistryPort('orders', {}, mkdtempSync(join(tmpdir(), 'no-registry-')))).toBeUndefined();
    expect(localRegistryPort('orders', { NODE_ENV: 'production' }, workspace)).toBeUndefined();
  });

  it('names the file when the registry cannot be read', () => {
    writeFileSync(join(workspace, 'mesh.json'), '{ "domains": [ { "name": "orders", "port": "x" } ] }');
    expect(() => localRegistryPort('orders', {}, workspace)).toThrow(
      `cannot read the ports of the mesh registry ${join(workspace, 'mesh.json')}`,
    );
  });
});
