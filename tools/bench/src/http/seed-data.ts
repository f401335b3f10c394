import { type DomainApis, Ledger, type OrderBody, OrderTraffic, Problems, registerCustomers } from '@mesh/mesh-e2e';

/** Customers and orders that the read benchmarks fetch and the write benchmarks order for. */
export interface SeedData {
  customerIds: string[];
  orderIds: string[];
}

/** How long the orders domain may take to hear of the seeded customers (its replica follows their events). */
const CUSTOMERS_KNOWN_TIMEOUT_MS = 60_000;

/**
 * Registers `customers` customers and places one order for each once the orders domain knows
 * them, as the e2e scenario does (its kit); any refusal fails the benchmark.
 */
export async function seedData(apis: DomainApis, customers: number): Promise<SeedData> {
  const ledger = new Ledger();
  const problems = new Problems('throw');
  const traffic = new OrderTraffic(apis.orders, ledger, problems, { mix: () => benchOrder(0), replayShare: 0 });
  const customerIds = await registerCustomers(apis.customers, ledger, problems, customers, {
    who: 'bench',
    concurrency: 1,
  });
  traffic.addCustomers(customerIds);
  await traffic.untilAllCustomersKnown(CUSTOMERS_KNOWN_TIMEOUT_MS);
  return { customerIds, orderIds: [...ledger.orders.keys()] };
}

/** A realistic order: three lines, prices varying with `n`. */
export function benchOrder(n: number): OrderBody {
  return {
    currency: n % 3 === 0 ? 'USD' : 'EUR',
    items: [
      { sku: `BENCH-${n % 20}`, quantity: 1 + (n % 3), unitPrice: 199 + (n % 1_000) },
      { sku: 'BENCH-MUG', quantity: 1, unitPrice: 899 },
      { sku: `BENCH-${(n + 7) % 20}`, quantity: 2, unitPrice: 1_250 },
    ],
  };
}
