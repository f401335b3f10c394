import { RuleViolationError } from '@mesh/service';

import { assertActiveCustomer, type CustomerReplica } from './customer-replica';

const customerId = '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a';
const replica: CustomerReplica = { customerId, status: 'active', revision: 1, country: 'GB', changedAt: new Date() };

describe('assertActiveCustomer', () => {
  it('admits a customer the replica knows as active', () => {
    expect(() => assertActiveCustomer(customerId, replica)).not.toThrow();
  });

  it('refuses a customer the replica does not know or knows as deactivated (422)', () => {
    expect(() => assertActiveCustomer(customerId, null)).toThrow(RuleViolationError);
    expect(() => assertActiveCustomer(customerId, { ...replica, status: 'deactivated' })).toThrow(
      new RuleViolationError(`customer ${customerId} is deactivated and cannot place orders`),
    );
  });
});
