import type { CustomerStatus, LoyaltyTier } from '../events/customer-values';

/** What the customers API returns for one customer. */
export interface CustomerResponse {
  id: string;
  name: string;
  email: string;
  country: string;
  marketingConsent: boolean;
  status: CustomerStatus;
  revision: number;
  orderCount: number;
  /** Total spent per currency, in minor units, e.g. `{ EUR: 2500 }`. */
  totalSpent: Record<string, number>;
  tier: LoyaltyTier;
  registeredAt: string;
  updatedAt: string;
}

/**
 * One page of `GET /customers`, oldest first. `total` is counted on the first page only (page 1
 * without `after`); `next` is the `after` of the following page.
 */
export interface CustomerPage {
  items: CustomerResponse[];
  /** Customers matching the filter; on the first page only. */
  total?: number;
  /** The page asked for; absent on a page asked for with `after`. */
  page?: number;
  limit: number;
  /** Whether more customers follow this page. */
  hasMore: boolean;
  /** The `after` of the next page; present when `hasMore`. */
  next?: string;
}
