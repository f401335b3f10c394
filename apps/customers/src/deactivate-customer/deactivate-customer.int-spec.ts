import { customerDeactivated, type CustomerResponse } from '@mesh/customers-contracts';
import { eventually } from '@mesh/messaging/testing';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { assertValidCustomerEvent, customerEventsOf } from '../../test/customer-stream';
import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';

jest.setTimeout(30_000);

describe('POST /customers/:id/deactivate', () => {
  const context = customersAppForThisFile();

  const deactivate = (id: string) =>
    context.service.app.inject({ method: 'POST', url: `/customers/${id}/deactivate`, headers: authorized() });

  it('deactivates the customer and publishes customers.customer.deactivated', async () => {
    const customer = await registerCustomer(context.service.app);

    const response = await deactivate(customer.id);

    expect(response.statusCode).toBe(200);
    const deactivated = response.json<CustomerResponse>();
    expect(deactivated).toMatchObject({ id: customer.id, status: 'deactivated', revision: 2 });
    await eventually(
      'the deactivated event',
      async () => (await customerEventsOf(context.redis, customer.id)).length === 2,
    );
    const [, event] = await customerEventsOf(context.redis, customer.id);
    assertValidCustomerEvent(event);
    expect(event.type).toBe(customerDeactivated.type);
    expect(event.data).toEqual({ customerId: customer.id, revision: 2, deactivatedAt: deactivated.updatedAt });
  });

  it('is idempotent: again answers 200 with the customer as it is, and publishes no second event', async () => {
    const customer = await registerCustomer(context.service.app);
    const first = await deactivate(customer.id);

    const again = await deactivate(customer.id);

    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // An event of another customer registered later shows that the relay got past this customer's.
    const later = await registerCustomer(context.service.app);
    await eventually('a later event', async () => (await customerEventsOf(context.redis, later.id)).length === 1);
    const types = (await customerEventsOf(context.redis, customer.id)).map((event) => event.type);
    expect(types).toEqual(['customers.customer.registered', 'customers.customer.deactivated']);
  });

  it('answers 404 for an unknown customer and 400 naming id for a malformed one', async () => {
    const unknown = uuidv7();
    const missing = await deactivate(unknown);
    const malformed = await deactivate('customer-1');

    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ message: `customer ${unknown} not found` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ message: string }>().message).toMatch(/^id: /);
  });
});
