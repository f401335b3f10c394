import type { DataProduct } from '../product/data-product';

/**
 * The manifest's classified event fields by event type, as pointers into the event data with
 * array indices (a number, `*` or `-`) dropped: `customers.customer.registered#/email` → `/email`,
 * `…#/lines/0/sku` → `/lines/sku`. `api:` paths describe the REST API, not events.
 * @throws Error for a path that names no event of this product.
 */
export function classificationsByEvent(product: DataProduct): Map<string, Map<string, string>> {
  const types = new Set(product.events.map((event) => event.type));
  const result = new Map<string, Map<string, string>>();
  for (const field of product.manifest.classifiedFields) {
    if (field.path.startsWith('api:')) continue;
    const [type, pointer] = field.path.split('#');
    if (!types.has(type) || pointer === undefined || !pointer.startsWith('/')) {
      throw new Error(`classifiedFields: "${field.path}" must be <event type of ${product.manifest.name}>#/<field>`);
    }
    const normalised = pointer
      .split('/')
      .filter((segment) => segment !== '' && segment !== '*' && segment !== '-' && !/^\d+$/.test(segment))
      .map((segment) => `/${segment.replace(/~1/g, '/').replace(/~0/g, '~')}`)
      .join('');
    const byPointer = result.get(type) ?? new Map<string, string>();
    byPointer.set(normalised, field.classification);
    result.set(type, byPointer);
  }
  return result;
}
