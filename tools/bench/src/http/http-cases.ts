import { type DomainName, newCustomer, utcDay } from '@mesh/mesh-e2e';
import { randomUUID } from 'node:crypto';

import { benchOrder, type SeedData } from './seed-data';

/** One HTTP benchmark: a service, what it is asked, and the next request to send. */
export interface HttpCase {
  service: DomainName;
  name: string;
  method: 'GET' | 'POST';
  /** The request after `n` others: path and, for a POST, its JSON body and headers. */
  request: (n: number) => { path: string; body?: unknown; headers?: Record<string, string> };
}

const pick = <T>(values: readonly T[], n: number): T => values[n % values.length];

/**
 * GET by id and POST create on orders and customers, reads on analytics. Ids rotate over the
 * seed data; every created customer has a new email; every order a new Idempotency-Key, as
 * clients send them.
 */
export function httpCases(seed: SeedData): HttpCase[] {
  const today = utcDay(new Date().toISOString());
  return [
    {
      service: 'orders',
      name: 'GET /orders/:id',
      method: 'GET',
      request: (n) => ({ path: `/orders/${pick(seed.orderIds, n)}` }),
    },
    {
      service: 'orders',
      name: 'POST /orders',
      method: 'POST',
      request: (n) => ({
        path: '/orders',
        body: { customerId: pick(seed.customerIds, n), ...benchOrder(n) },
        headers: { 'idempotency-key': randomUUID() },
      }),
    },
    {
      service: 'customers',
      name: 'GET /customers/:id',
      method: 'GET',
      request: (n) => ({ path: `/customers/${pick(seed.customerIds, n)}` }),
    },
    {
      service: 'customers',
      name: 'POST /customers',
      method: 'POST',
      request: () => ({ path: '/customers', body: newCustomer('bench') }),
    },
    {
      service: 'analytics',
      name: 'GET /sales/daily',
      method: 'GET',
      request: () => ({ path: `/sales/daily?from=${today}&to=${today}` }),
    },
    {
      service: 'analytics',
      name: 'GET /customers/:id/value',
      method: 'GET',
      request: (n) => ({ path: `/customers/${pick(seed.customerIds, n)}/value` }),
    },
  ];
}
