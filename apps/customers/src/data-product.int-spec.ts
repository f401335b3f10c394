import type { DataProductDocument } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customersProduct } from '@mesh/customers-contracts';
import { streamKeys } from '@mesh/messaging';
import { eventually, KillableRedisServer } from '@mesh/messaging/testing';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import { Redis } from 'ioredis';

import { type CustomersTestApp, startCustomersApp } from '../test/customers-app';
import { OrdersStream } from '../test/order-events';
import { RegisterCustomerService } from './register-customer/register-customer.service';

jest.setTimeout(90_000);

let server: KillableRedisServer;
let redis: Redis;
let service: CustomersTestApp;

beforeAll(async () => {
  // A Redis of its own, which the outage test kills.
  server = await KillableRedisServer.start();
  redis = new Redis(server.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  service = await startCustomersApp({ REDIS_URL: server.url });
});

afterAll(async () => {
  await service?.close();
  redis?.disconnect();
  await server?.kill();
});

/** The well-known document, asked for without a token as the catalog does. */
async function dataProduct(): Promise<DataProductDocument> {
  const response = await service.app.inject({ method: 'GET', url: '/.well-known/data-product' });
  expect(response.statusCode).toBe(200);
  return response.json<DataProductDocument>();
}

const register = (index: number) =>
  service.app.get(RegisterCustomerService).register({
    name: `Grace ${index}`,
    email: `grace.${index}.${Date.now().toString(36)}@example.com`,
    country: 'US',
    marketingConsent: false,
  });

describe('GET /.well-known/data-product of customers', () => {
  it('follows its input: order events applied, then a dead letter counted', async () => {
    const customer = await register(0);
    const orders = new OrdersStream(redis);
    await orders.publish(orders.placed(customer.id, 1200), orders.placed(customer.id, 800));
    await orders.handled();

    expect((await service.app.inject({ method: 'GET', url: '/customers' })).statusCode).toBe(401);
    const document = await dataProduct();
    expect(document.manifest).toEqual(customersProduct.manifest);
    const [input] = document.status.inputs;
    expect(input).toMatchObject({ stream: ORDER_STREAM, group: 'customers', lag: 0, pending: 0, deadLetters: 0, behindSeconds: 0 });
    const [lastEntry] = await redis.xrevrange(streamKeys.source(ORDER_STREAM), '+', '-', 'COUNT', 1);
    expect(input.lastDeliveredAt).toBe(new Date(Number(lastEntry[0].split('-')[0])).toISOString());
    expect(document.status.serviceLevels.filter((level) => !level.kept)).toEqual([]);

    await redis.xadd(streamKeys.source(ORDER_STREAM), '*', 'not', 'an event');
    await eventually('the dead letter counted', async () => (await dataProduct()).status.inputs[0].deadLetters === 1);
    const checks = (await dataProduct()).status.serviceLevels;
    expect(checks.find((level) => level.name === `dead-letters:${ORDER_STREAM}`)?.kept).toBe(false);
  });

  it('counts the events waiting in customer documents while Redis is down, and none once they are published', async () => {
    await eventually('the outbox empty', async () => (await dataProduct()).status.outbox.backlog === 0);
    await server.kill();
    for (const index of [1, 2, 3]) await register(index);

    const during = await dataProduct();
    expect(during.status.outbox).toEqual({ backlog: 3, oldestAgeSeconds: expect.any(Number) });
    expect(during.status.outputs[0]).toMatchObject({
      stream: CUSTOMER_STREAM,
      length: null,
      error: expect.stringMatching(/^(timeout: no answer within \d+ ms|failed: the details are in the service's log)$/),
    });

    await server.restart();
    await eventually('the outbox published', async () => (await dataProduct()).status.outbox.backlog === 0, 30_000);
    // The test's Redis keeps nothing across the kill: the stream holds what the relay published since.
    expect((await dataProduct()).status.outputs[0]).toMatchObject({ stream: CUSTOMER_STREAM, length: 3 });
  });
});
