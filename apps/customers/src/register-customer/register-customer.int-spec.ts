import { customerRegistered, type CustomerResponse } from '@mesh/customers-contracts';
import { eventually } from '@mesh/messaging/testing';

import { authorized } from '../../test/access-tokens';
import { assertValidCustomerEvent, customerEventsOf } from '../../test/customer-stream';
import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';

jest.setTimeout(30_000);

describe('POST /customers', () => {
  const context = customersAppForThisFile();

  const post = (payload: unknown) =>
    context.service.app.inject({
      method: 'POST',
      url: '/customers',
      payload: payload as object,
      headers: authorized(),
    });
  const valid = { name: 'Grace Hopper', email: 'Grace.Hopper@Example.com', country: 'US', marketingConsent: false };

  it('registers a customer: 201 with the customer, bronze and without orders', async () => {
    const response = await post(valid);

    expect(response.statusCode).toBe(201);
    const customer = response.json<CustomerResponse>();
    expect(customer).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      ...valid,
      status: 'active',
      revision: 1,
      orderCount: 0,
      totalSpent: {},
      tier: 'bronze',
      registeredAt: expect.any(String),
      updatedAt: customer.registeredAt,
    });
    const read = await context.service.app.inject({
      method: 'GET',
      url: `/customers/${customer.id}`,
      headers: authorized(),
    });
    expect(read.json()).toEqual(customer);
  });

  it('publishes customers.customer.registered on customers.customer.v1, valid per the contract', async () => {
    const customer = await registerCustomer(context.service.app, { name: 'Alan Turing', country: 'GB' });

    await eventually(
      'the registered event',
      async () => (await customerEventsOf(context.redis, customer.id)).length > 0,
    );
    const [event, ...others] = await customerEventsOf(context.redis, customer.id);
    expect(others).toEqual([]);
    assertValidCustomerEvent(event);
    expect(event).toMatchObject({ type: customerRegistered.type, source: '/customers', subject: customer.id });
    expect(event.data).toEqual({
      customerId: customer.id,
      revision: 1,
      name: 'Alan Turing',
      email: customer.email,
      country: 'GB',
      marketingConsent: true,
      registeredAt: customer.registeredAt,
    });
  });

  it('refuses an email that differs only in letter case with 409 naming it, and keeps the one customer', async () => {
    const first = await registerCustomer(context.service.app, { email: 'Katherine.Johnson@Example.org' });

    const response = await post({ ...valid, email: 'KATHERINE.JOHNSON@example.ORG' });

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      statusCode: 409,
      message: 'a customer with email KATHERINE.JOHNSON@example.ORG is already registered',
    });
    const list = await context.service.app.inject({
      method: 'GET',
      url: '/customers?limit=100',
      headers: authorized(),
    });
    const sameEmail = list
      .json<{ items: CustomerResponse[] }>()
      .items.filter((customer) => customer.email.toLowerCase() === 'katherine.johnson@example.org');
    expect(sameEmail.map((customer) => customer.id)).toEqual([first.id]);
  });

  it.each([
    ['a missing name', { ...valid, name: undefined }, 'name'],
    ['an empty name', { ...valid, name: '   ' }, 'name'],
    ['a name over 200 characters', { ...valid, name: 'x'.repeat(201) }, 'name'],
    ['an invalid email', { ...valid, email: 'grace@' }, 'email'],
    ['a lower-case country', { ...valid, country: 'us' }, 'country'],
    ['a three-letter country', { ...valid, country: 'USA' }, 'country'],
    ['a consent that is not a boolean', { ...valid, marketingConsent: 'yes' }, 'marketingConsent'],
    ['an unknown field', { ...valid, vip: true }, 'vip'],
  ])('answers 400 naming the field for %s', async (_case, payload, field) => {
    const response = await post(payload);

    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(
      new RegExp(`(^|; )(${field}: |unknown field "${field}")`),
    );
  });

  it.each([
    ['an array', []],
    ['a string', 'customer'],
    ['null', null],
  ])('answers 400, never 500, for a body that is %s', async (_case, payload) => {
    const response = await context.service.app.inject({
      method: 'POST',
      url: '/customers',
      headers: { ...authorized(), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

    expect(response.statusCode).toBe(400);
  });
});
