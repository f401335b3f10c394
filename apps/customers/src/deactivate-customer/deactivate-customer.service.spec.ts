import { storedCustomer } from '../../test/stored-customer.fixture';
import { decideDeactivation } from './deactivate-customer.service';

const now = new Date('2026-11-28T10:00:00.000Z');

describe('decideDeactivation', () => {
  it('deactivates an active customer as the next revision, with its event', () => {
    const decision = decideDeactivation(storedCustomer({ revision: 2 }), now);

    expect(decision).not.toBe('unchanged');
    if (decision === 'unchanged') return;
    expect(decision.update).toEqual({
      $set: { status: 'deactivated', revision: 3, updatedAt: now, deactivatedAt: now },
    });
    expect(decision.events.map((event) => [event.type, event.data])).toEqual([
      [
        'customers.customer.deactivated',
        { customerId: storedCustomer()._id, revision: 3, deactivatedAt: now.toISOString() },
      ],
    ]);
  });

  it('leaves a deactivated customer as it is: deactivating is idempotent', () => {
    expect(decideDeactivation(storedCustomer({ status: 'deactivated' }), now)).toBe('unchanged');
  });
});
