import type { DailySales, TopProduct } from '@mesh/analytics-contracts';
import type { LoyaltyTier } from '@mesh/customers-contracts';
import type { OrderResponse } from '@mesh/orders-contracts';

/** Amounts per currency in minor units, without zero entries (a currency whose orders were all cancelled). */
export type Amounts = Record<string, number>;

export interface ExpectedCustomer {
  country: string;
  orderCount: number;
  revenue: Amounts;
  tier: LoyaltyTier;
}

/** Loyalty thresholds the mesh is started with (TIER_SILVER_MIN_ORDERS, TIER_GOLD_MIN_ORDERS). */
export const TIERS = { silver: 3, gold: 10 } as const;

/**
 * What the scenario's accepted requests add up to: every customer registered (201), every order
 * placed (201, replays of an Idempotency-Key counted once) and every cancellation (200). The
 * expected figures of analytics and of the customers' statistics are computed from it alone.
 */
export class Ledger {
  readonly customers = new Map<string, { country: string }>();
  readonly orders = new Map<string, { order: OrderResponse; cancelled: boolean }>();

  get customerIds(): string[] {
    return [...this.customers.keys()];
  }

  registered(id: string, country: string): void {
    this.customers.set(id, { country });
  }

  placed(order: OrderResponse): void {
    if (this.orders.has(order.id)) throw new Error(`order ${order.id} was accepted twice`);
    this.orders.set(order.id, { order, cancelled: false });
  }

  cancelled(orderId: string): void {
    const entry = this.orders.get(orderId);
    if (!entry) throw new Error(`order ${orderId} was cancelled but never placed`);
    if (entry.cancelled) throw new Error(`order ${orderId} was cancelled twice`);
    entry.cancelled = true;
  }

  get cancelledCount(): number {
    return [...this.orders.values()].filter((entry) => entry.cancelled).length;
  }

  /** Days of the placed orders (UTC), first and last: the range to ask analytics for. */
  dayRange(): { from: string; to: string } {
    const days = [...this.orders.values()].map(({ order }) => utcDay(order.placedAt)).sort();
    const today = new Date().toISOString().slice(0, 10);
    return { from: days[0] ?? today, to: days[days.length - 1] ?? today };
  }

  /** `GET /sales/daily`'s days: per UTC day of placedAt and currency, cancellations on the day placed. */
  dailySales(): DailySales[] {
    const byKey = new Map<string, DailySales>();
    for (const { order, cancelled } of this.orders.values()) {
      const day = utcDay(order.placedAt);
      const key = `${day} ${order.currency}`;
      const row = byKey.get(key) ?? {
        day,
        currency: order.currency,
        orders: 0,
        revenue: 0,
        cancelledOrders: 0,
        cancelledRevenue: 0,
        netRevenue: 0,
      };
      row.orders += 1;
      row.revenue += order.total;
      if (cancelled) {
        row.cancelledOrders += 1;
        row.cancelledRevenue += order.total;
      }
      row.netRevenue = row.revenue - row.cancelledRevenue;
      byKey.set(key, row);
    }
    return [...byKey.values()].sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
  }

  /** Per registered customer: orders that stand, their revenue per currency, and the tier they earn. */
  customerFigures(): Map<string, ExpectedCustomer> {
    const figures = new Map<string, ExpectedCustomer>();
    for (const [id, { country }] of this.customers)
      figures.set(id, { country, orderCount: 0, revenue: {}, tier: 'bronze' });
    for (const { order, cancelled } of this.orders.values()) {
      if (cancelled) continue;
      const customer = figures.get(order.customerId);
      if (!customer) throw new Error(`order ${order.id} is for customer ${order.customerId}, who was never registered`);
      customer.orderCount += 1;
      customer.revenue[order.currency] = (customer.revenue[order.currency] ?? 0) + order.total;
    }
    for (const customer of figures.values()) customer.tier = tierFor(customer.orderCount);
    return figures;
  }

  /** `GET /products/top` over all days: units and revenue per sku net of cancellations, ranked by units then sku. */
  topProducts(): TopProduct[] {
    const bySku = new Map<string, TopProduct>();
    for (const { order, cancelled } of this.orders.values()) {
      if (cancelled) continue;
      for (const line of order.items) {
        const product = bySku.get(line.sku) ?? { sku: line.sku, units: 0, revenue: {} };
        product.units += line.quantity;
        product.revenue[order.currency] = (product.revenue[order.currency] ?? 0) + line.quantity * line.unitPrice;
        bySku.set(line.sku, product);
      }
    }
    return [...bySku.values()]
      .filter((product) => product.units > 0)
      .sort((a, b) => b.units - a.units || a.sku.localeCompare(b.sku));
  }
}

export function tierFor(orderCount: number): LoyaltyTier {
  if (orderCount >= TIERS.gold) return 'gold';
  if (orderCount >= TIERS.silver) return 'silver';
  return 'bronze';
}

export function utcDay(isoTime: string): string {
  return new Date(isoTime).toISOString().slice(0, 10);
}

/** Amounts without zero entries, keys sorted: two maps that mean the same compare equal. */
export function nonZero(amounts: Amounts): Amounts {
  return Object.fromEntries(
    Object.entries(amounts)
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
