import { ConflictError } from '@mesh/service';

import { registeredCustomer } from '../../test/customer.fixture';
import { decideUpdate } from './update-customer.service';

const now = new Date('2026-11-28T10:00:00.000Z');

describe('decideUpdate', () => {
  it('sets only the fields that change, with the next revision, and announces the state after the change', () => {
    const decision = decideUpdate(registeredCustomer({ revision: 3 }), { name: 'Ada King', country: 'GB' }, now);

    expect(decision).not.toBe('unchanged');
    if (decision === 'unchanged') return;
    expect(decision.changes).toEqual({ name: 'Ada King', revision: 4, updatedAt: now });
    expect(decision.events).toHaveLength(1);
    expect(decision.events[0]).toMatchObject({
      type: 'customers.customer.updated',
      subject: registeredCustomer().id,
      time: now.toISOString(),
      data: { name: 'Ada King', country: 'GB', marketingConsent: true, revision: 4, updatedAt: now.toISOString() },
    });
  });

  it('leaves the customer unchanged when every value given is the current one', () => {
    expect(decideUpdate(registeredCustomer(), { name: 'Ada Lovelace', marketingConsent: true }, now)).toBe(
      'unchanged',
    );
  });

  it('refuses to change a deactivated customer', () => {
    expect(() => decideUpdate(registeredCustomer({ status: 'deactivated' }), { name: 'X' }, now)).toThrow(
      ConflictError,
    );
  });
});
