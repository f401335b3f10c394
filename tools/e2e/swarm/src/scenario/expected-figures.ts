import type { Ledger } from './ledger';

/** Sales over all days of the run, in one currency (analytics reports per day; the test sums). */
export interface SalesTotals {
  orders: number;
  revenue: number;
  cancelledOrders: number;
  cancelledRevenue: number;
}

export interface CustomerFigures {
  /** Orders placed and not cancelled. */
  orderCount: number;
  /** Minor units of CURRENCY, net of cancellations. */
  revenue: number;
  tier: 'bronze' | 'silver' | 'gold';
}

export interface ExpectedFigures {
  readonly sales: SalesTotals;
  /** Units and revenue per sku, net of cancellations; skus with no units left are absent. */
  readonly products: ReadonlyMap<string, { units: number; revenue: number }>;
  readonly customers: ReadonlyMap<string, CustomerFigures>;
}

/** The customers domain's default thresholds (TIER_SILVER_MIN_ORDERS, TIER_GOLD_MIN_ORDERS). */
const SILVER_MIN_ORDERS = 3;
const GOLD_MIN_ORDERS = 10;

/** The figures analytics must show for what the ledger says the mesh accepted. */
export function expectedFigures(ledger: Ledger): ExpectedFigures {
  const sales: SalesTotals = { orders: 0, revenue: 0, cancelledOrders: 0, cancelledRevenue: 0 };
  const products = new Map<string, { units: number; revenue: number }>();
  const customers = new Map<string, CustomerFigures>(
    ledger.customers.map((id) => [id, { orderCount: 0, revenue: 0, tier: 'bronze' }]),
  );
  for (const order of ledger.orders.values()) {
    sales.orders += 1;
    sales.revenue += order.total;
    if (order.cancelled) {
      sales.cancelledOrders += 1;
      sales.cancelledRevenue += order.total;
      continue;
    }
    for (const line of order.items) {
      const product = products.get(line.sku) ?? { units: 0, revenue: 0 };
      product.units += line.quantity;
      product.revenue += line.quantity * line.unitPrice;
      products.set(line.sku, product);
    }
    const customer = customers.get(order.customerId);
    if (!customer) throw new Error(`order ${order.id} is for customer ${order.customerId}, not in the ledger`);
    customer.orderCount += 1;
    customer.revenue += order.total;
  }
  for (const customer of customers.values()) customer.tier = tierFor(customer.orderCount);
  return { sales, products, customers };
}

function tierFor(orderCount: number): CustomerFigures['tier'] {
  if (orderCount >= GOLD_MIN_ORDERS) return 'gold';
  if (orderCount >= SILVER_MIN_ORDERS) return 'silver';
  return 'bronze';
}
