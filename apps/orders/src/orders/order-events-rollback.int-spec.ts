import { eventually } from '@mesh/messaging/testing';
import type { OrderResponse } from '@mesh/orders-contracts';

import { authorized } from '../../test/access-tokens';
import { registerCustomer } from '../../test/customer-events';
import { OrdersTestApp } from '../../test/orders-test-app';

jest.setTimeout(30_000);

let testApp: OrdersTestApp;
let customerId: string;
let doomed: string;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('rollback');
  customerId = await registerCustomer(testApp);
  doomed = await registerCustomer(testApp);
  // Test-only: a deferred trigger fails the COMMIT of any change to an order of a doomed customer,
  // that is after every statement of the transaction, the outbox insert included, has succeeded.
  await testApp.dataSource.query(`
    CREATE TABLE doomed_customers (customer_id uuid PRIMARY KEY);
    CREATE FUNCTION fail_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM doomed_customers WHERE customer_id = NEW.customer_id) THEN
        RAISE EXCEPTION 'commit refused for order %', NEW.id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER fail_doomed AFTER INSERT OR UPDATE ON orders
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_doomed();`);
});

afterAll(() => testApp?.close());

async function outboxRows(): Promise<number> {
  const [{ count }] = await testApp.dataSource.query<Array<{ count: number }>>(
    'SELECT count(*)::int AS count FROM mesh_outbox',
  );
  return count;
}

describe('a transaction that fails after its outbox insert', () => {
  it('publishes nothing and leaves nothing behind, for a placement and for a cancellation', async () => {
    const survivor = await testApp.placedOrder(doomed);
    await testApp.dataSource.query('INSERT INTO doomed_customers VALUES ($1)', [doomed]);

    const placement = await testApp.placeOrder(
      { customerId: doomed, currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 1 }] },
      { 'idempotency-key': 'doomed-1' },
    );
    const cancellation = await testApp.app.inject({
      method: 'POST',
      url: `/orders/${survivor.id}/cancel`,
      headers: authorized(),
    });
    expect([placement.statusCode, cancellation.statusCode]).toEqual([500, 500]);
    expect(placement.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal server error',
    });
    expect(await outboxRows()).toBe(1);
    const [{ orders }] = await testApp.dataSource.query<Array<{ orders: number }>>(
      'SELECT count(*)::int AS orders FROM orders',
    );
    expect(orders).toBe(1);
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/orders/${survivor.id}`, headers: authorized() })).json(),
    ).toEqual(survivor);

    // The relay publishes in commit order: once a later order's event is on the stream, anything
    // the failed transactions had left in the outbox would be there too.
    const later = await testApp.placedOrder(customerId);
    await eventually('the later order published', async () =>
      (await testApp.orderEvents()).some((e) => e.subject === later.id),
    );
    const published = await testApp.orderEvents();
    expect(published.map((event) => [event.type, event.subject])).toEqual([
      ['orders.order.placed', survivor.id],
      ['orders.order.placed', later.id],
    ]);

    // Nothing of the failed placement was kept, not even its idempotency key.
    await testApp.dataSource.query('DELETE FROM doomed_customers');
    const retried = await testApp.placeOrder(
      { customerId: doomed, currency: 'EUR', items: [{ sku: 'A', quantity: 1, unitPrice: 1 }] },
      { 'idempotency-key': 'doomed-1' },
    );
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.json<OrderResponse>().customerId).toBe(doomed);
  });
});
