import type { CatalogManifest } from '../products/data-product-document.schema';

/**
 * The manifest's classified fields of one event type, as pointers into its data with array
 * levels left out, the way the contract kit reads them: `customers.customer.registered#/email` →
 * `/email`, `orders.order.placed#/lines/0/sku` (or `…/*\/sku`) → `/lines/sku`. `api:` paths are
 * about the REST API and are skipped.
 */
export function classifiedPointers(manifest: Pick<CatalogManifest, 'classifiedFields'>, type: string): Map<string, string> {
  const pointers = new Map<string, string>();
  for (const field of manifest.classifiedFields) {
    const hash = field.path.indexOf('#');
    if (hash < 0 || field.path.slice(0, hash) !== type) continue;
    const pointer = field.path
      .slice(hash + 1)
      .split('/')
      .filter((segment) => segment !== '' && segment !== '*' && segment !== '-' && !/^\d+$/.test(segment))
      .map((segment) => `/${segment}`)
      .join('');
    if (pointer) pointers.set(pointer, field.classification);
  }
  return pointers;
}
