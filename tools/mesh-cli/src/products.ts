import { analyticsProduct } from '@mesh/analytics-contracts';
import type { DataProduct } from '@mesh/contract-kit';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

/**
 * Every data product of the mesh. The commands that work from the manifests (the Redis ACL,
 * dev tokens) read this list, so a new domain is one import and one entry here.
 */
export const meshProducts: readonly DataProduct[] = [ordersProduct, customersProduct, analyticsProduct];
