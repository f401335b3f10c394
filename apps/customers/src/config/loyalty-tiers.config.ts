import { ConfigValidationError, defineConfig, envInt } from '@mesh/service';

/**
 * Orders (placed and not cancelled) a customer needs for each loyalty tier; fewer than the
 * silver minimum is bronze. Spend is not used: amounts in different currencies do not compare.
 */
export const loyaltyTiers = defineConfig(
  'loyaltyTiers',
  {
    TIER_SILVER_MIN_ORDERS: envInt({ min: 1 }).default(3),
    TIER_GOLD_MIN_ORDERS: envInt({ min: 2 }).default(10),
  },
  (env) => {
    // Each variable is valid on its own; only the pair can be wrong, which zod's per-variable shape cannot say.
    if (env.TIER_GOLD_MIN_ORDERS <= env.TIER_SILVER_MIN_ORDERS) {
      throw new ConfigValidationError([
        {
          variable: 'TIER_GOLD_MIN_ORDERS',
          message: `must be greater than TIER_SILVER_MIN_ORDERS (gold ${env.TIER_GOLD_MIN_ORDERS}, silver ${env.TIER_SILVER_MIN_ORDERS})`,
        },
      ]);
    }
    return { silverMinOrders: env.TIER_SILVER_MIN_ORDERS, goldMinOrders: env.TIER_GOLD_MIN_ORDERS };
  },
);

export type LoyaltyTiers = ReturnType<typeof loyaltyTiers>;
