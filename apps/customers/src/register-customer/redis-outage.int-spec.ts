import { CUSTOMER_STREAM, customerRegistered, type CustomerResponse } from '@mesh/customers-contracts';
import { eventsOnStream, eventually, KillableRedisServer } from '@mesh/messaging/testing';
import { Redis } from 'ioredis';

import { assertValidCustomerEvent } from '../../test/customer-stream';
import { type CustomersTestApp, registerCustomer, startCustomersApp } from '../../test/customers-app';

jest.setTimeout(90_000);

/** Nothing is lost while Redis is down: registrations wait in the customers' outbox. */
describe('registering customers while Redis is down', () => {
  let server: KillableRedisServer;
  let service: CustomersTestApp;
  let redis: Redis;

  const registeredIds = async () =>
    (await eventsOnStream(redis, CUSTOMER_STREAM))
      .filter((event) => event.type === customerRegistered.type)
      .map((event) => event.subject);

  beforeAll(async () => {
    server = await KillableRedisServer.start();
    redis = new Redis(server.url, { retryStrategy: () => 100, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined); // expected while the server is down
    service = await startCustomersApp({ REDIS_URL: server.url });
  });

  afterAll(async () => {
    await service?.close();
    redis?.disconnect();
    await server?.kill();
  });

  it('answers 201 to every registration, and publishes each event once when Redis is back', async () => {
    // Events flow before the outage, so the relay holds a connection that the kill breaks.
    const before = await registerCustomer(service.app);
    await eventually('the event before the outage', async () => (await registeredIds()).includes(before.id));

    await server.kill();
    const during: CustomerResponse[] = [];
    for (let index = 0; index < 5; index += 1) {
      during.push(await registerCustomer(service.app, { name: `Offline ${index}` }));
    }
    // Still ready, Redis reported as degraded: the gateway keeps sending registrations here.
    const ready = await service.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ degraded: ['redis'], details: { redis: { status: 'down' } } });

    // The server keeps nothing on disk: after the restart the stream holds only what is published since.
    await server.restart();
    const ids = during.map((customer) => customer.id);
    const allPublished = async () => {
      const published = await registeredIds();
      return ids.every((id) => published.includes(id));
    };
    await eventually('the events of the outage', allPublished, 30_000);
    const events = (await eventsOnStream(redis, CUSTOMER_STREAM)).filter((event) => ids.includes(event.subject));
    expect(events.map((event) => event.subject).sort()).toEqual([...ids].sort());
    events.forEach(assertValidCustomerEvent);
    expect((await service.app.inject({ method: 'GET', url: '/health/ready' })).json()).not.toHaveProperty('degraded');
  });
});
