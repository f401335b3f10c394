import type { LoyaltyTier } from '@mesh/customers-contracts';

import type { LoyaltyTiers } from '../config/loyalty-tiers.config';

/** The tier that `orderCount` orders (placed and not cancelled) earn. */
export function loyaltyTierFor(orderCount: number, tiers: LoyaltyTiers): LoyaltyTier {
  if (orderCount >= tiers.goldMinOrders) return 'gold';
  if (orderCount >= tiers.silverMinOrders) return 'silver';
  return 'bronze';
}
