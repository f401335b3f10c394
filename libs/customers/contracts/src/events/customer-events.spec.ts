import { EventValidationError } from '@mesh/contract-kit';

import { registerCustomerRequest, updateCustomerRequest } from '../api/customer-requests';
import { CUSTOMER_STREAM, customerEvents } from './customer-events';
import { customerRegistered } from './customer-registered.event';

describe('customers contracts', () => {
  it('put every event type on the customers.customer.v1 stream', () => {
    expect(CUSTOMER_STREAM).toBe('customers.customer.v1');
    expect(new Set(customerEvents.map((contract) => contract.stream))).toEqual(new Set([CUSTOMER_STREAM]));
    expect(customerEvents.map((contract) => contract.type)).toEqual([
      'customers.customer.registered',
      'customers.customer.updated',
      'customers.customer.deactivated',
      'customers.customer.tier-changed',
    ]);
  });

  it('classify name and email as personal data in the JSON Schema', () => {
    const properties = customerRegistered.jsonSchema['properties'] as Record<string, { classification?: string }>;
    expect(properties['name'].classification).toBe('pii');
    expect(properties['email'].classification).toBe('pii');
    expect(properties['country'].classification).toBeUndefined();
  });

  it('refuse at publish a field the contract does not know', () => {
    expect(() => customerRegistered.parseStrict({ ...customerRegistered.example, phone: '1' })).toThrow(
      EventValidationError,
    );
  });
});

describe('customer requests', () => {
  it('refuse an invalid email and an unknown field, naming them', () => {
    const result = registerCustomerRequest.safeParse({
      name: 'Ada',
      email: 'not-an-email',
      country: 'GB',
      marketingConsent: true,
      vip: true,
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.') || issue.code)).toEqual(
      expect.arrayContaining(['email', 'unrecognized_keys']),
    );
  });

  it('refuse an empty update and an email change', () => {
    expect(updateCustomerRequest.safeParse({}).success).toBe(false);
    expect(updateCustomerRequest.safeParse({ email: 'x@example.com' }).success).toBe(false);
    expect(updateCustomerRequest.parse({ country: 'FR' })).toEqual({ country: 'FR' });
  });
});
