import type { MeshApi } from '../../../kit/src/api/mesh-api';
import { eventually } from '../../../kit/src/eventually';

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
  const available = (snapshot: CatalogSnapshot) =>
    snapshot.products.filter((product) => product.state === 'available').map((product) => product.url);
  const waited = await eventually(
    () => catalog.expectOk<CatalogSnapshot>({ method: 'GET', path: '/api/products' }),
    (snapshot) => domains.every((domain) => available(snapshot).some((url) => url.includes(`//${domain}:`))),
    TIMEOUT_MS,
    2_000,
  );
  if (waited.settled) return available(waited.result);
  const states = waited.result.products.map(
    (product) => `${product.url} ${product.state}${product.error ? `: ${product.error}` : ''}`,
  );
  throw new Error(`the catalog does not show every domain as available:\n    ${states.join('\n    ')}`);
}
