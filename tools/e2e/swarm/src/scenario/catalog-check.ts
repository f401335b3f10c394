import { setTimeout as sleep } from 'node:timers/promises';

import type { MeshApi } from './mesh-api';

interface CatalogSnapshot {
  products: { url: string; state: string; error?: string }[];
}

const TIMEOUT_MS = 60_000;

/**
 * The catalog, through the gateway, lists every domain's data product as available: it reached
 * each domain over the edge network by its service name (CATALOG_PRODUCTS in the stack) and got
 * its manifest and live status. Returns the product URLs.
 */
export async function expectCatalogComplete(catalog: MeshApi, domains: readonly string[]): Promise<string[]> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const snapshot = await catalog.expectOk<CatalogSnapshot>({ method: 'GET', path: '/api/products' });
    const available = snapshot.products
      .filter((product) => product.state === 'available')
      .map((product) => product.url);
    if (domains.every((domain) => available.some((url) => url.includes(`//${domain}:`)))) return available;
    if (Date.now() > deadline) {
      const states = snapshot.products.map(
        (product) => `${product.url} ${product.state}${product.error ? `: ${product.error}` : ''}`,
      );
      throw new Error(`the catalog does not show every domain as available:\n    ${states.join('\n    ')}`);
    }
    await sleep(2_000);
  }
}
