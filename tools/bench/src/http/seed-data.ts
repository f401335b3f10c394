import { setTimeout as sleep } from 'node:timers/promises';

/** Customers and orders that the read benchmarks fetch and the write benchmarks order for. */
export interface SeedData {
  customerIds: string[];
  orderIds: string[];
}

export interface ApiTargets {
  orders: string;
  customers: string;
  token: string;
}

/**
 * Registers `customers` customers and places one order for each, retrying while the orders
 * domain has not heard of the customer yet (its replica follows the customers' events).
 */
export async function seedData(targets: ApiTargets, customers: number): Promise<SeedData> {
  const customerIds: string[] = [];
  for (let index = 0; index < customers; index += 1) {
    const suffix = `${process.pid}-${Date.now().toString(36)}-${index}`;
    const customer = await postJson<{ id: string }>(targets.customers, '/customers', targets.token, {
      name: `Bench Customer ${suffix}`,
      email: `bench-${suffix}@example.com`,
      country: 'DE',
      marketingConsent: false,
    });
    if (customer.status !== 201) throw new Error(`POST /customers answered ${customer.status}`);
    customerIds.push(customer.body.id);
  }
  const orderIds: string[] = [];
  const deadline = Date.now() + 60_000;
  for (const customerId of customerIds) {
    for (;;) {
      const order = await postJson<{ id: string }>(targets.orders, '/orders', targets.token, benchOrder(customerId, 0));
      if (order.status === 201) {
        orderIds.push(order.body.id);
        break;
      }
      if (order.status !== 422 || Date.now() > deadline) throw new Error(`POST /orders answered ${order.status}`);
      await sleep(200);
    }
  }
  return { customerIds, orderIds };
}

/** A realistic order: three lines, prices varying with `n`. */
export function benchOrder(customerId: string, n: number) {
  return {
    customerId,
    currency: n % 3 === 0 ? 'USD' : 'EUR',
    items: [
      { sku: `BENCH-${n % 20}`, quantity: 1 + (n % 3), unitPrice: 199 + (n % 1_000) },
      { sku: 'BENCH-MUG', quantity: 1, unitPrice: 899 },
      { sku: `BENCH-${(n + 7) % 20}`, quantity: 2, unitPrice: 1_250 },
    ],
  };
}

export async function postJson<T>(
  baseUrl: string,
  path: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}
