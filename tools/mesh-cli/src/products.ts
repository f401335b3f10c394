// Generated from mesh.json and tools/mesh-cli/templates/products.ts.ejs by `npm run mesh -- generate`.
import { analyticsProduct } from '@mesh/analytics-contracts';
import type { DataProduct } from '@mesh/contract-kit';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

/**
 * Every data product of the mesh, one per domain of mesh.json. The commands that work from the
 * manifests (the Redis ACL, dev tokens) read this list.
 */
export const meshProducts: readonly DataProduct[] = [ordersProduct, customersProduct, analyticsProduct];
