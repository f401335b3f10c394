import { registerCustomerRequest, updateCustomerRequest } from '@mesh/customers-contracts';
import { cancelOrderRequest, placeOrderRequest } from '@mesh/orders-contracts';
import fc from 'fast-check';

import type { DomainName } from '../../../kit/src/api/domain-apis';
import type { JsonObject } from './json-paths';
import { withId } from './malformed-request';

/** An endpoint that takes a JSON body, a body it would accept, and its contract to prove a mutation broke it. */
export interface BodyTarget {
  service: DomainName;
  method: 'POST' | 'PATCH';
  path: fc.Arbitrary<string>;
  valid: fc.Arbitrary<JsonObject>;
  /** The request schema from the domain's contracts library. */
  accepts: (body: unknown) => boolean;
  /** Values of the right type that a field must still refuse. */
  badValues: Record<string, readonly unknown[]>;
}

/** Ids of things that do not exist: a body that slipped through would meet a 404, never change real data. */
const unknownId = fc.uuid({ version: 7 });
const skus = fc.stringMatching(/^[A-Z]{2,6}-\d{1,3}$/);
const name = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0);
const country = fc.constantFrom('DE', 'FR', 'GB', 'NL', 'US');
let emailCounter = 0;

const orderLine = fc.record({
  sku: skus,
  quantity: fc.integer({ min: 1, max: 100 }),
  unitPrice: fc.integer({ min: 0, max: 100_000 }),
});
const customerBody = fc.record({
  name,
  // Unique, so that a registration that should have been refused would really register.
  email: fc.constant(null).map(() => `fuzz-${process.pid}-${(emailCounter += 1)}@example.com`),
  country,
  marketingConsent: fc.boolean(),
});

const tooLong = (length: number) => 'x'.repeat(length);
const badNumbers = [0, -1, 1.5, 10_001, 2 ** 53, -(2 ** 31), 1e300];
const badCurrencies = ['eur', 'EU', 'EURO', '', '€', '123', 'E U', ' EUR'];
const badNames = ['', '   ', tooLong(201)];
const badEmails = ['plain', 'a@', '@example.com', 'a b@example.com', `${tooLong(320)}@example.com`, 'a@@example.com'];
const badCountries = ['de', 'DEU', 'D', '12', '', 'D-'];

export const BODY_TARGETS: readonly BodyTarget[] = [
  {
    service: 'orders',
    method: 'POST',
    path: fc.constant('/orders'),
    valid: fc.record({
      customerId: unknownId,
      currency: fc.constantFrom('EUR', 'USD'),
      items: fc.array(orderLine, { minLength: 1, maxLength: 3 }),
    }),
    accepts: (body) => placeOrderRequest.safeParse(body).success,
    badValues: {
      customerId: ['', 'not-a-uuid', '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3', '0190f5b1111177cc19a553f6f0c1d2e3a1'],
      currency: badCurrencies,
      items: [[], Array.from({ length: 101 }, () => ({ sku: 'A-1', quantity: 1, unitPrice: 1 }))],
      sku: ['', tooLong(65)],
      quantity: badNumbers,
      unitPrice: [-1, 0.5, 2 ** 53, -(2 ** 53), 1e300],
    },
  },
  {
    service: 'orders',
    method: 'POST',
    path: unknownId.map((id) => withId('/orders', id, '/cancel')),
    valid: fc.record({ reason: name }),
    accepts: (body) => cancelOrderRequest.safeParse(body).success,
    badValues: { reason: ['', '   ', tooLong(501)] },
  },
  {
    service: 'customers',
    method: 'POST',
    path: fc.constant('/customers'),
    valid: customerBody,
    accepts: (body) => registerCustomerRequest.safeParse(body).success,
    badValues: { name: badNames, email: badEmails, country: badCountries },
  },
  {
    service: 'customers',
    method: 'PATCH',
    path: unknownId.map((id) => withId('/customers', id)),
    valid: fc.record({ name, country, marketingConsent: fc.boolean() }, { requiredKeys: ['name'] }),
    accepts: (body) => updateCustomerRequest.safeParse(body).success,
    badValues: { name: badNames, country: badCountries, email: ['changed@example.com'] },
  },
];
