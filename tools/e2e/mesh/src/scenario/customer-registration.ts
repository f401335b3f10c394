import type { CustomerResponse } from '@mesh/customers-contracts';

import type { JsonApi } from '../api/json-api';
import type { Ledger } from './ledger';
import type { Problems } from './problems';

const COUNTRIES = ['DE', 'FR', 'GB', 'NL', 'US', 'ES'];

let registered = 0;

/** Registers `count` customers through `POST /customers`, `concurrency` at a time; returns their ids. */
export async function registerCustomers(
  customers: JsonApi,
  ledger: Ledger,
  problems: Problems,
  count: number,
  concurrency = 4,
): Promise<string[]> {
  const ids: string[] = [];
  let remaining = count;
  const worker = async () => {
    while (remaining > 0) {
      remaining -= 1;
      const id = await registerCustomer(customers, ledger, problems);
      if (id) ids.push(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ids;
}

async function registerCustomer(customers: JsonApi, ledger: Ledger, problems: Problems): Promise<string | undefined> {
  registered += 1;
  const suffix = `${process.pid}-${Date.now().toString(36)}-${registered}`;
  const country = COUNTRIES[registered % COUNTRIES.length];
  const body = {
    name: `E2E Customer ${suffix}`,
    email: `e2e-${suffix}@example.com`,
    country,
    marketingConsent: registered % 2 === 0,
  };
  const answer = await customers.send<CustomerResponse>({
    endpoint: 'POST /customers',
    method: 'POST',
    path: '/customers',
    body,
  });
  if (answer.status !== 201) {
    problems.add(`registering ${body.email} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
    return undefined;
  }
  ledger.registered(answer.body.id, country);
  return answer.body.id;
}
