import type { CustomerResponse } from '@mesh/customers-contracts';

import type { MeshApi } from '../api/mesh-api';
import type { Ledger } from '../ledger';
import type { Problems } from '../problems';

const COUNTRIES = ['DE', 'FR', 'GB', 'NL', 'US', 'ES'];

let registered = 0;

export interface NewCustomer {
  name: string;
  email: string;
  country: string;
  marketingConsent: boolean;
}

/**
 * `POST /customers`'s body for a customer no run has registered before (the email is unique);
 * `who` names the run: `e2e` makes `E2E Customer …` with `e2e-…@example.com`.
 */
export function newCustomer(who: string): NewCustomer {
  registered += 1;
  const suffix = `${process.pid}-${Date.now().toString(36)}-${registered}`;
  return {
    name: `${who.toUpperCase()} Customer ${suffix}`,
    email: `${who}-${suffix}@example.com`,
    country: COUNTRIES[registered % COUNTRIES.length],
    marketingConsent: registered % 2 === 0,
  };
}

export interface RegistrationOptions {
  /** Who registers them (`newCustomer`): `e2e` unless given. */
  who?: string;
  /** Requests at a time: 4 unless given. */
  concurrency?: number;
}

/**
 * Registers `count` customers through `POST /customers` and writes each the mesh accepted into
 * the ledger; any answer but 201 is a problem. @returns their ids.
 */
export async function registerCustomers(
  customers: MeshApi,
  ledger: Ledger,
  problems: Problems,
  count: number,
  { who = 'e2e', concurrency = 4 }: RegistrationOptions = {},
): Promise<string[]> {
  const ids: string[] = [];
  let remaining = count;
  const worker = async () => {
    while (remaining > 0) {
      remaining -= 1;
      const id = await registerCustomer(customers, ledger, problems, newCustomer(who));
      if (id) ids.push(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ids;
}

async function registerCustomer(
  customers: MeshApi,
  ledger: Ledger,
  problems: Problems,
  body: NewCustomer,
): Promise<string | undefined> {
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
  ledger.registered(answer.body.id, body.country);
  return answer.body.id;
}
