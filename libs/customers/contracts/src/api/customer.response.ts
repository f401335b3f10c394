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

export interface CustomerPage {
  items: CustomerResponse[];
  total: number;
  page: number;
  limit: number;
}
