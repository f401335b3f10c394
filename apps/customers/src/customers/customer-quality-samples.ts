import type { ReadinessContext, ResourceSampler } from '@mesh/service';

import { toCustomerResponse } from './customer-response';
import { CustomerStore } from './customer-store';

/**
 * The API resources the customers quality rules name, each `limit` items by one bounded query
 * (the store lists customers oldest first), as the API would answer them.
 */
export const customerQualitySamples = {
  customer: (context: ReadinessContext): ResourceSampler => {
    const customers = context.get(CustomerStore);
    return async (limit) => (await customers.find({ skip: 0, limit })).map(toCustomerResponse);
  },
};
