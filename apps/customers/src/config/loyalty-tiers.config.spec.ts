import { ConfigValidationError } from '@mesh/service';

import { loyaltyTiers } from './loyalty-tiers.config';

const load = (env: Record<string, string>) => loyaltyTiers.fromVariables(loyaltyTiers.variables.parse(env));

describe('loyaltyTiers configuration', () => {
  it('defaults to silver from 3 orders and gold from 10', () => {
    expect(load({})).toEqual({ silverMinOrders: 3, goldMinOrders: 10 });
  });

  it('reads both thresholds', () => {
    expect(load({ TIER_SILVER_MIN_ORDERS: '5', TIER_GOLD_MIN_ORDERS: '20' })).toEqual({
      silverMinOrders: 5,
      goldMinOrders: 20,
    });
  });

  it.each([
    ['equal', '4', '4'],
    ['inverted', '8', '6'],
  ])('refuses %s thresholds, naming both variables', (_case, silver, gold) => {
    const attempt = () => load({ TIER_SILVER_MIN_ORDERS: silver, TIER_GOLD_MIN_ORDERS: gold });

    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(/TIER_GOLD_MIN_ORDERS: must be greater than TIER_SILVER_MIN_ORDERS/);
  });

  it.each(['0', 'three', '2.5'])('refuses the silver minimum %s', (silver) => {
    expect(loyaltyTiers.variables.safeParse({ TIER_SILVER_MIN_ORDERS: silver }).success).toBe(false);
  });
});
