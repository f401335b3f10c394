import { type CustomerResponse,customerUpdated } from '@mesh/customers-contracts';
import { eventually } from '@mesh/messaging/testing';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { assertValidCustomerEvent, customerEventsOf } from '../../test/customer-stream';
import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';

jest.setTimeout(30_000);

describe('PATCH /customers/:id', () => {
  const context = customersAppForThisFile();

  const patch = (id: string, payload: unknown) =>
    context.service.app.inject({
      method: 'PATCH',
      url: `/customers/${id}`,
      payload: payload as object,
      headers: authorized(),
    });

  it('changes the given fields, bumps the revision and publishes customers.customer.updated with the new state', async () => {
    const customer = await registerCustomer(context.service.app, {
      name: 'Ada Lovelace',
      country: 'GB',
      marketingConsent: true,
    });

    const response = await patch(customer.id, { name: 'Ada King', marketingConsent: false });

    expect(response.statusCode).toBe(200);
    const updated = response.json<CustomerResponse>();
    expect(updated).toMatchObject({ name: 'Ada King', country: 'GB', marketingConsent: false, revision: 2 });
    expect(updated.email).toBe(customer.email);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(customer.updatedAt));
    expect(
      (
        await context.service.app.inject({ method: 'GET', url: `/customers/${customer.id}`, headers: authorized() })
      ).json(),
    ).toEqual(updated);

    await eventually(
      'the updated event',
      async () => (await customerEventsOf(context.redis, customer.id)).length === 2,
    );
    const [, event] = await customerEventsOf(context.redis, customer.id);
    assertValidCustomerEvent(event);
    expect(event.type).toBe(customerUpdated.type);
    expect(event.data).toEqual({
      customerId: customer.id,
      revision: 2,
      name: 'Ada King',
      country: 'GB',
      marketingConsent: false,
      updatedAt: updated.updatedAt,
    });
  });

  it('answers 200 with the customer unchanged when every value is the current one, without a new revision or event', async () => {
    const customer = await registerCustomer(context.service.app, { country: 'IT' });
    await eventually(
      'the registered event',
      async () => (await customerEventsOf(context.redis, customer.id)).length === 1,
    );

    const response = await patch(customer.id, { country: 'IT', name: customer.name });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(customer);
    // A following change is published: once it is there, nothing else was published before it.
    await patch(customer.id, { country: 'ES' });
    await eventually('the next change', async () => (await customerEventsOf(context.redis, customer.id)).length >= 2);
    const types = (await customerEventsOf(context.redis, customer.id)).map((event) => [event.type, event.data]);
    expect(types).toEqual([
      ['customers.customer.registered', expect.anything()],
      ['customers.customer.updated', expect.objectContaining({ revision: 2, country: 'ES' })],
    ]);
  });

  it('answers 409 for a deactivated customer and changes nothing', async () => {
    const customer = await registerCustomer(context.service.app);
    await context.service.app.inject({
      method: 'POST',
      url: `/customers/${customer.id}/deactivate`,
      headers: authorized(),
    });

    const response = await patch(customer.id, { name: 'Someone Else' });

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ message: `customer ${customer.id} is deactivated and cannot be changed` });
    const read = await context.service.app.inject({
      method: 'GET',
      url: `/customers/${customer.id}`,
      headers: authorized(),
    });
    expect(read.json()).toMatchObject({ name: customer.name, status: 'deactivated', revision: 2 });
  });

  it('answers 404 for an unknown customer and 400 naming id for a malformed one', async () => {
    const unknown = uuidv7();
    const missing = await patch(unknown, { name: 'Nobody' });
    const malformed = await patch('42', { name: 'Nobody' });

    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ message: `customer ${unknown} not found` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ message: string }>().message).toMatch(/^id: /);
  });

  it.each([
    ['no field', {}, /give at least one of name, country, marketingConsent/],
    ['an email (it cannot change)', { email: 'new@example.com' }, /unknown field "email"/],
    ['an empty name', { name: '' }, /^name: /],
    ['an invalid country', { country: 'Germany' }, /^country: /],
    ['a consent that is not a boolean', { marketingConsent: 1 }, /^marketingConsent: /],
  ])('answers 400 naming the problem for %s', async (_case, payload, message) => {
    const customer = await registerCustomer(context.service.app);

    const response = await patch(customer.id, payload);

    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(message);
  });

  it('keeps every one of several concurrent changes of one customer, each with its own revision', async () => {
    const customer = await registerCustomer(context.service.app);
    const names = ['One', 'Two', 'Three', 'Four'];

    const responses = await Promise.all(names.map((name) => patch(customer.id, { name })));

    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);
    const revisions = responses.map((response) => response.json<CustomerResponse>().revision);
    expect(revisions.sort()).toEqual([2, 3, 4, 5]);
    await eventually(
      'four updated events',
      async () => (await customerEventsOf(context.redis, customer.id)).length === 5,
    );
    const events = await customerEventsOf(context.redis, customer.id);
    expect(events.map((event) => (event.data as { revision: number }).revision)).toEqual([1, 2, 3, 4, 5]);
  });
});
