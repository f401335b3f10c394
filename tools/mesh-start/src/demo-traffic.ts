import { setTimeout as sleep } from 'node:timers/promises';

/** Where the demo sends its requests. */
export interface DemoTargets {
  customers: string;
  orders: string;
  analytics: string;
}

export type DemoTarget = keyof DemoTargets;

/** The `Authorization` header value for the next request to a service (a fresh token for it before the last expires). */
export type DemoAuthorization = (audience: DemoTarget) => string;

export interface DemoCounts {
  customers: number;
  orders: number;
  cancelled: number;
  /** Orders refused because the orders replica had not seen the customer yet (retried later). */
  notYetKnown: number;
  failures: number;
}

const COUNTRIES = ['DE', 'FR', 'GB', 'NL', 'US'];
const CURRENCIES = ['EUR', 'EUR', 'USD'];
const SKUS = ['BOOK-1', 'BOOK-2', 'MUG-1', 'PEN-3', 'LAMP-7'];

/**
 * Steady demo traffic through the public APIs only: a new customer now and then, orders from
 * known customers, and a cancellation for one order in ten, so that the analytics projections
 * show moving numbers. Every request carries `authorization(service)`, a token for the service it
 * calls, as any client of the mesh must.
 * Runs until `signal` aborts; reports every `reportEveryMs`.
 */
export async function driveDemoTraffic(
  targets: DemoTargets,
  authorization: DemoAuthorization,
  signal: AbortSignal,
  report: (counts: DemoCounts, dailySales: string) => void,
  options: { intervalMs?: number; reportEveryMs?: number } = {},
): Promise<DemoCounts> {
  const intervalMs = options.intervalMs ?? 200;
  const reportEveryMs = options.reportEveryMs ?? 10_000;
  const counts: DemoCounts = { customers: 0, orders: 0, cancelled: 0, notYetKnown: 0, failures: 0 };
  const customerIds: string[] = [];
  let lastReport = Date.now();
  for (let tick = 0; !signal.aborted; tick += 1) {
    try {
      if (customerIds.length < 3 || tick % 10 === 0) {
        customerIds.push(await registerCustomer(targets.customers, tick, authorization));
        counts.customers += 1;
      } else {
        await placeOrder(targets.orders, pick(customerIds), counts, authorization);
      }
    } catch (error) {
      if (signal.aborted) break;
      counts.failures += 1;
      console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (Date.now() - lastReport >= reportEveryMs) {
      lastReport = Date.now();
      report(counts, await todaysSales(targets.analytics, authorization));
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
  return counts;
}

async function registerCustomer(baseUrl: string, tick: number, authorization: DemoAuthorization): Promise<string> {
  const suffix = `${Date.now().toString(36)}-${tick}`;
  const body = {
    name: `Demo Customer ${suffix}`,
    email: `demo-${suffix}@example.com`,
    country: pick(COUNTRIES),
    marketingConsent: tick % 2 === 0,
  };
  const customer = await postJson<{ id: string }>(`${baseUrl}/customers`, body, [201], authorization('customers'));
  return customer.body.id;
}

async function placeOrder(
  baseUrl: string,
  customerId: string,
  counts: DemoCounts,
  authorization: DemoAuthorization,
): Promise<void> {
  const items = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
    sku: pick(SKUS),
    quantity: 1 + Math.floor(Math.random() * 3),
    unitPrice: 100 * (1 + Math.floor(Math.random() * 50)),
  }));
  const order = { customerId, currency: pick(CURRENCIES), items };
  const placed = await postJson<{ id: string }>(`${baseUrl}/orders`, order, [201, 422], authorization('orders'));
  if (placed.status === 422) {
    counts.notYetKnown += 1;
    return;
  }
  counts.orders += 1;
  if (Math.random() < 0.1) {
    await postJson(`${baseUrl}/orders/${placed.body.id}/cancel`, {}, [200, 201], authorization('orders'));
    counts.cancelled += 1;
  }
}

async function todaysSales(baseUrl: string, authorization: DemoAuthorization): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  try {
    const response = await fetch(`${baseUrl}/sales/daily?from=${today}&to=${today}`, {
      headers: { authorization: authorization('analytics') },
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok ? JSON.stringify(await response.json()) : `analytics answered ${response.status}`;
  } catch (error) {
    return `analytics unreachable (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function postJson<T = unknown>(url: string, body: unknown, expected: number[], authorization: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

function pick<T>(values: readonly T[]): T {
  return values[Math.floor(Math.random() * values.length)];
}
