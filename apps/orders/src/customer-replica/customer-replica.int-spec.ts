import { createEvent } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customerTierChanged } from '@mesh/customers-contracts';
import { readGroups } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { v7 as uuidv7 } from 'uuid';

import { customerEvent, publishCustomerEvents, replicaOf } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';
import { customerEventsConsumer } from './customer-events.consumer';
import { CustomerReplicaService } from './customer-replica.service';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('replica');
});

afterAll(() => testApp?.close());

async function inboxCount(eventId: string): Promise<number> {
  const [{ count }] = await testApp.dataSource.query<Array<{ count: number }>>(
    'SELECT count(*)::int AS count FROM mesh_inbox WHERE consumer_group = $1 AND event_id = $2',
    [customerEventsConsumer.group, eventId],
  );
  return count;
}

/** Publishes the events and waits until the orders group has handled each of them. */
async function deliver(...events: Array<ReturnType<(typeof customerEvent)[keyof typeof customerEvent]>>) {
  await publishCustomerEvents(testApp.redis, events);
  for (const event of events) {
    await eventually(`${event.type} ${event.id} handled`, async () => (await inboxCount(event.id)) === 1);
  }
}

function order(customerId: string) {
  return testApp.placeOrder({ customerId, currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 100 }] });
}

describe('the customer replica', () => {
  it('accepts orders of a registered customer and refuses them once it is deactivated', async () => {
    const customerId = uuidv7();
    await deliver(customerEvent.registered(customerId));
    expect(await replicaOf(testApp, customerId)).toEqual({ status: 'active', revision: 1, country: 'GB' });
    expect((await order(customerId)).statusCode).toBe(201);

    await deliver(customerEvent.deactivated(customerId, 2));
    expect(await replicaOf(testApp, customerId)).toEqual({ status: 'deactivated', revision: 2, country: 'GB' });
    const refused = await order(customerId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ message: string }>().message).toContain('is deactivated');
  });

  it('applies an event delivered twice once', async () => {
    const customerId = uuidv7();
    const registered = customerEvent.registered(customerId);
    const update = customerEvent.updated(customerId, 2, 'FR');
    await deliver(registered, update);
    // The same event again, as after a crash between the commit and the acknowledgement.
    await publishCustomerEvents(testApp.redis, [update, registered]);
    await eventually('the repeated events acknowledged', async () => {
      const [group] = await readGroups(testApp.redis, `{${CUSTOMER_STREAM}}`);
      return group.lag === 0 && group.pending === 0;
    });

    expect(await inboxCount(update.id)).toBe(1);
    expect(await replicaOf(testApp, customerId)).toEqual({ status: 'active', revision: 2, country: 'FR' });
    const replica = testApp.app.get(CustomerReplicaService);
    expect(
      await replica.apply(update, { customerId, revision: 2, changedAt: new Date().toISOString(), country: 'DE' }),
    ).toBe(false);
    expect(await replicaOf(testApp, customerId)).toMatchObject({ country: 'FR' });
  });

  it('keeps the newest state when an older update arrives after a newer one', async () => {
    const customerId = uuidv7();
    await deliver(
      customerEvent.registered(customerId),
      customerEvent.updated(customerId, 3, 'FR'),
      customerEvent.updated(customerId, 2, 'DE'),
    );
    expect(await replicaOf(testApp, customerId)).toEqual({ status: 'active', revision: 3, country: 'FR' });
  });

  it('keeps a deactivation that arrives before the registration', async () => {
    const customerId = uuidv7();
    await deliver(customerEvent.deactivated(customerId, 2), customerEvent.registered(customerId, 1));
    expect(await replicaOf(testApp, customerId)).toEqual({ status: 'deactivated', revision: 2, country: null });
    expect((await order(customerId)).statusCode).toBe(422);
  });

  it('learns an active customer from an update that arrives before the registration', async () => {
    const customerId = uuidv7();
    await deliver(customerEvent.updated(customerId, 2, 'DE'), customerEvent.registered(customerId, 1));
    expect(await replicaOf(testApp, customerId)).toEqual({ status: 'active', revision: 2, country: 'DE' });
    expect((await order(customerId)).statusCode).toBe(201);
  });

  it('acknowledges the customer event types it does not use without dead-lettering them', async () => {
    const customerId = uuidv7();
    const tierChanged = createEvent(customerTierChanged, {
      subject: customerId,
      data: { customerId, revision: 4, previousTier: 'bronze', tier: 'silver', changedAt: new Date().toISOString() },
    });
    await publishCustomerEvents(testApp.redis, [tierChanged]);
    const registered = customerEvent.registered(customerId);
    await deliver(registered);
    expect(await inboxCount(tierChanged.id)).toBe(0);
    expect(await testApp.redis.exists(`{${CUSTOMER_STREAM}}:dead-letter:${customerEventsConsumer.group}`)).toBe(0);
  });
});
