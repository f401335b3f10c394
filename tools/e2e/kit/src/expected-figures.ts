import type { LoyaltyTier } from '@mesh/customers-contracts';

import type { Ledger } from './ledger';

/** Sales over all days of the run in one currency (analytics reports per day; the check sums). */
export interface SalesTotals {
  orders: number;
  revenue: number;
  cancelledOrders: number;
  cancelledRevenue: number;
}

export interface CustomerFiguresInCurrency {
  /** Orders placed and not cancelled, in any currency. */
  orderCount: number;
  /** Minor units of the currency, net of cancellations. */
  revenue: number;
  tier: LoyaltyTier;
}

/** The ledger's figures as read in one currency (the swarm e2e places orders in one only). */
export interface FiguresInCurrency {
  readonly currency: string;
  readonly sales: SalesTotals;
  /** Units (in any currency) and revenue in this one per sku, net of cancellations; skus with no units left are absent. */
  readonly products: ReadonlyMap<string, { units: number; revenue: number }>;
  readonly customers: ReadonlyMap<string, CustomerFiguresInCurrency>;
}

/**
 * The figures analytics and customers must show in `currency` for what the ledger says the mesh
 * accepted: its daily sales summed over the days, its top products and its customer figures, each
 * keyed as the swarm e2e reads them (the key order is part of the comparison).
 */
export function figuresInCurrency(ledger: Ledger, currency: string): FiguresInCurrency {
  const sales: SalesTotals = { orders: 0, revenue: 0, cancelledOrders: 0, cancelledRevenue: 0 };
  for (const day of ledger.dailySales().filter((row) => row.currency === currency)) {
    sales.orders += day.orders;
    sales.revenue += day.revenue;
    sales.cancelledOrders += day.cancelledOrders;
    sales.cancelledRevenue += day.cancelledRevenue;
  }
  const products = new Map(
    ledger
      .topProducts()
      .map((product) => [product.sku, { units: product.units, revenue: product.revenue[currency] ?? 0 }]),
  );
  const customers = new Map<string, CustomerFiguresInCurrency>();
  for (const [id, { orderCount, revenue, tier }] of ledger.customerFigures())
    customers.set(id, { orderCount, revenue: revenue[currency] ?? 0, tier });
  return { currency, sales, products, customers };
}
