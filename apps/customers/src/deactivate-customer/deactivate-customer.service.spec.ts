import { registeredCustomer } from '../../test/customer.fixture';
import { decideDeactivation } from './deactivate-customer.service';

const now = new Date('2026-11-28T10:00:00.000Z');

describe('decideDeactivation', () => {
  it('deactivates an active customer as the next revision, with its event', () => {
    const decision = decideDeactivation(registeredCustomer({ revision: 2 }), now);

    expect(decision).not.toBe('unchanged');
    if (decision === 'unchanged') return;
    // The changes are all the write sets ($set); nothing else of the customer changes.
    expect(decision.changes).toEqual({ status: 'deactivated', revision: 3, updatedAt: now, deactivatedAt: now });
    expect(decision.events.map((event) => [event.type, event.data])).toEqual([
      [
        'customers.customer.deactivated',
        { customerId: registeredCustomer().id, revision: 3, deactivatedAt: now.toISOString() },
      ],
    ]);
  });

  it('leaves a deactivated customer as it is: deactivating is idempotent', () => {
    expect(decideDeactivation(registeredCustomer({ status: 'deactivated' }), now)).toBe('unchanged');
  });
});
