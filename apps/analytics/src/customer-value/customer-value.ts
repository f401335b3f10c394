import type { CustomerValueResponse } from '@mesh/analytics-contracts';

/** What the projection holds of one pseudonymous customer: a tier only once a change of tier was applied. */
export interface StoredCustomerValue {
  country: string | null;
  tier: CustomerValueResponse['tier'] | null;
  orderCount: number;
  /** Net of cancellations, in minor units, per currency. */
  revenue: Record<string, number>;
}

/** Customers start at bronze; the customers domain reports only changes of tier. */
export function customerValueResponse(pseudonymousId: string, stored: StoredCustomerValue): CustomerValueResponse {
  return {
    pseudonymousId,
    country: stored.country,
    tier: stored.tier ?? 'bronze',
    orderCount: stored.orderCount,
    revenue: stored.revenue,
  };
}
