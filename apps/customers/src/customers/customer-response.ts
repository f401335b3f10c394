import type { CustomerResponse } from '@mesh/customers-contracts';

import type { Customer } from './customer';

/** The customer as the API shows it. */
export function toCustomerResponse(customer: Customer): CustomerResponse {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    country: customer.country,
    marketingConsent: customer.marketingConsent,
    status: customer.status,
    revision: customer.revision,
    orderCount: customer.orderCount,
    totalSpent: { ...customer.totalSpent },
    tier: customer.tier,
    registeredAt: customer.registeredAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}
