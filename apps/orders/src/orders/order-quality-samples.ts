import type { ReadinessContext, ResourceSampler } from '@mesh/service';

import { toOrderResponse } from './order-response';
import { OrderStore } from './order-store';

/**
 * The API resources the orders quality rules name, each the newest `limit` items by one bounded
 * query, as the API would answer them (`dataProduct.qualityResources`).
 */
export const orderQualitySamples = {
  order: (context: ReadinessContext): ResourceSampler => {
    const orders = context.get(OrderStore);
    return async (limit) => (await orders.findNewestFirst({}, { offset: 0, limit })).map(toOrderResponse);
  },
};
