import { checkRegistry } from '@mesh/infra';

import { publicApiUrl } from './public-api-url';

const registry = checkRegistry(
  {
    domains: [
      { name: 'orders', port: 3001, store: 'postgres', publicUrl: 'https://orders.mesh.example.com' },
      { name: 'customers', port: 3002, store: 'mongo' },
    ],
    catalog: { port: 3004 },
  },
  'test registry',
);

describe('publicApiUrl', () => {
  it("takes the domain's publicUrl from the registry", () => {
    expect(publicApiUrl('orders', { serviceUrl: 'http://localhost:3001' }, registry)).toBe('https://orders.mesh.example.com');
  });

  it('lets --publicUrl win over the registry', () => {
    expect(publicApiUrl('orders', { serviceUrl: 'http://localhost:3001', publicUrl: 'https://api.example.com/orders' }, registry)).toBe(
      'https://api.example.com/orders',
    );
  });

  it("falls back to the local run on the registry's port, and to --serviceUrl for a domain the registry does not list", () => {
    expect(publicApiUrl('customers', { serviceUrl: 'http://127.0.0.1:9999' }, registry)).toBe('http://localhost:3002');
    expect(publicApiUrl('payments', { serviceUrl: 'http://localhost:3009' }, registry)).toBe('http://localhost:3009');
  });

  it('refuses a registry whose publicUrl is not an http(s) URL', () => {
    expect(() =>
      checkRegistry({ domains: [{ name: 'orders', port: 3001, store: 'postgres', publicUrl: 'ftp://x' }], catalog: { port: 3004 } }, 'bad'),
    ).toThrow(/publicUrl/);
  });
});
