import { describeOutcome, isInconclusive, type MeshApi } from '../../../kit/src/api/mesh-api';
import { eventually } from '../../../kit/src/eventually';
import type { FiguresInCurrency } from '../../../kit/src/expected-figures';
import { utcDay } from '../../../kit/src/ledger';

interface DailySalesResponse {
  days: { orders: number; revenue: number; cancelledOrders: number; cancelledRevenue: number; netRevenue: number }[];
}
interface TopProductsResponse {
  products: { sku: string; units: number; revenue: Record<string, number> }[];
}
interface CustomerValueResponse {
  orderCount: number;
  revenue: Record<string, number>;
  tier: string;
}
interface CustomerResponse {
  orderCount: number;
  totalSpent: Record<string, number>;
  tier: string;
}

export interface FiguresApis {
  readonly analytics: MeshApi;
  readonly customers: MeshApi;
}

/**
 * Every difference between what the mesh shows and what the ledger says it must, in the one
 * currency of the run's orders: analytics' daily sales (summed over the days of the run), top
 * products and each customer's value, and the customers domain's own order statistics and tier.
 * Empty when all agree exactly.
 */
export async function figureDifferences(
  apis: FiguresApis,
  expected: FiguresInCurrency,
  fromDay: string,
): Promise<string[]> {
  const { currency } = expected;
  const range = `from=${fromDay}&to=${utcDay(new Date().toISOString())}`;
  const differences: string[] = [];
  const compare = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      differences.push(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
  };

  const sales = await read<DailySalesResponse>(apis.analytics, `/sales/daily?${range}&currency=${currency}`);
  const summed = { orders: 0, revenue: 0, cancelledOrders: 0, cancelledRevenue: 0 };
  for (const day of sales.days) {
    summed.orders += day.orders;
    summed.revenue += day.revenue;
    summed.cancelledOrders += day.cancelledOrders;
    summed.cancelledRevenue += day.cancelledRevenue;
  }
  compare('analytics daily sales', summed, expected.sales);

  const top = await read<TopProductsResponse>(apis.analytics, `/products/top?${range}&limit=100`);
  const products = Object.fromEntries(
    top.products.map((product) => [product.sku, { units: product.units, revenue: product.revenue[currency] ?? 0 }]),
  );
  compare('analytics top products', sortKeys(products), sortKeys(Object.fromEntries(expected.products)));

  for (const [id, wanted] of expected.customers) {
    const value = await read<CustomerValueResponse>(apis.analytics, `/customers/${id}/value`);
    compare(
      `analytics value of customer ${id}`,
      { orderCount: value.orderCount, revenue: value.revenue[currency] ?? 0, tier: value.tier },
      wanted,
    );
    const customer = await read<CustomerResponse>(apis.customers, `/customers/${id}`);
    compare(
      `customers statistics of ${id}`,
      { orderCount: customer.orderCount, revenue: customer.totalSpent[currency] ?? 0, tier: customer.tier },
      wanted,
    );
  }
  return differences;
}

/** How often a wait that has not converged says how many figures still differ. */
const PROGRESS_EVERY_MS = 30_000;

/**
 * Polls until the figures agree: events are still flowing for a while after the last request.
 * Every 30 s it logs how many figures still differ, so that a timeout shows whether they were
 * still converging (events late) or stuck (events lost). On timeout the error lists them.
 */
export async function waitForExactFigures(
  apis: FiguresApis,
  expected: FiguresInCurrency,
  fromDay: string,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<number> {
  const started = Date.now();
  let nextProgress = started + PROGRESS_EVERY_MS;
  const agree = (differences: string[]) => {
    if (differences.length > 0 && Date.now() >= nextProgress) {
      nextProgress += PROGRESS_EVERY_MS;
      log(
        `figures: ${differences.length} still differ after ${Math.round((Date.now() - started) / 1000)} s, e.g. ${differences[0]}`,
      );
    }
    return differences.length === 0;
  };
  const waited = await eventually(() => differencesNow(apis, expected, fromDay), agree, timeoutMs, 2_000);
  if (waited.settled) return Date.now() - started;
  const differences = waited.result;
  throw new Error(
    `figures still differ after ${timeoutMs / 1000} s (${differences.length}):\n    ${differences.slice(0, 12).join('\n    ')}`,
  );
}

/** The differences, or that a service is not reachable now (one more difference, until it is). */
async function differencesNow(apis: FiguresApis, expected: FiguresInCurrency, fromDay: string): Promise<string[]> {
  try {
    return await figureDifferences(apis, expected, fromDay);
  } catch (error) {
    if (!(error instanceof NotReachable)) throw error;
    return [error.message];
  }
}

/** Thrown while a service is not reachable (a replaced task not yet in the gateway's rotation). */
class NotReachable extends Error {}

async function read<T>(api: MeshApi, path: string): Promise<T> {
  const outcome = await api.call({ method: 'GET', path });
  if (isInconclusive(outcome)) throw new NotReachable(`${api.name} GET ${path}: ${describeOutcome(outcome)}`);
  if (outcome.kind === 'answer' && outcome.status === 200) return outcome.body as T;
  throw new Error(`${api.name} GET ${path}: ${describeOutcome(outcome)}`);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
