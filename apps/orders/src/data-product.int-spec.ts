import type { DataProductDocument } from '@mesh/contract-kit';
import { CUSTOMER_STREAM } from '@mesh/customers-contracts';
import { streamKeys } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { ORDER_STREAM, ordersProduct } from '@mesh/orders-contracts';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';

import { customerEvent, publishCustomerEvents, registerCustomer } from '../test/customer-events';
import { OrdersTestApp } from '../test/orders-test-app';
import { PlaceOrderService } from './place-order/place-order.service';

jest.setTimeout(90_000);

let testApp: OrdersTestApp;

beforeAll(async () => {
  testApp = await OrdersTestApp.start('product');
});

afterAll(() => testApp?.close());

/** The well-known document, asked for without a token as the catalog does. */
async function dataProduct(): Promise<DataProductDocument> {
  const response = await testApp.app.inject({ method: 'GET', url: '/.well-known/data-product' });
  expect(response.statusCode).toBe(200);
  return response.json<DataProductDocument>();
}

const check = (document: DataProductDocument, name: string) =>
  document.status.serviceLevels.find((level) => level.name === name);

describe('GET /.well-known/data-product of orders', () => {
  it('serves the manifest and live figures to a caller without a token, every promise kept at rest', async () => {
    await registerCustomer(testApp);
    expect((await testApp.app.inject({ method: 'GET', url: '/orders' })).statusCode).toBe(401);
    const document = await dataProduct();
    expect(document.manifest).toEqual(ordersProduct.manifest);
    expect(document.status.inputs).toEqual([
      {
        stream: CUSTOMER_STREAM,
        group: 'orders',
        lag: 0,
        pending: 0,
        deadLetters: 0,
        lostToCap: 0,
        behindSeconds: 0,
        lastDeliveredAt: expect.any(String),
      },
    ]);
    expect(document.status.outputs).toEqual([{ stream: ORDER_STREAM, length: 0, groups: [] }]);
    expect(document.status.outbox).toEqual({ backlog: 0, oldestAgeSeconds: null });
    expect(document.status.freshnessSeconds).toBe(0);
    expect(document.status.serviceLevels.filter((level) => !level.kept)).toEqual([]);
  });

  it('shows orders placed while Redis is down as outbox backlog, and their events on the stream once it is back', async () => {
    const customerId = await registerCustomer(testApp);
    await testApp.redisServer.kill();
    const orders = testApp.app.get(PlaceOrderService);
    for (const sku of ['BOOK-1', 'BOOK-2']) {
      await orders.place({ customerId, currency: 'EUR', items: [{ sku, quantity: 1, unitPrice: 900 }] });
    }

    const during = await dataProduct();
    expect(during.status.outbox).toEqual({ backlog: 2, oldestAgeSeconds: expect.any(Number) });
    expect(during.status.outputs[0]).toMatchObject({ length: null, error: expect.stringMatching(/^(timeout: no answer within \d+ ms|failed: the details are in the service's log)$/) });
    expect(check(during, `consumer-lag:${CUSTOMER_STREAM}`)).toMatchObject({ kept: false, measured: expect.stringMatching(/^not measured/) });

    await testApp.redisServer.restart();
    await eventually('the backlog published', async () => (await dataProduct()).status.outbox.backlog === 0, 30_000);
    // The test's Redis keeps nothing across the kill: the stream holds what the relay published since.
    expect((await dataProduct()).status.outputs[0]).toMatchObject({ stream: ORDER_STREAM, length: 2 });
  });

  it('reports its lag as a broken promise while the replica cannot apply events, and kept once it caught up', async () => {
    const { maxConsumerLag } = ordersProduct.manifest.serviceLevels;
    await eventually('the orders group back on the customers stream', async () => {
      const [input] = (await dataProduct()).status.inputs;
      return input.lag === 0 && input.pending === 0;
    });
    // Handlers wait on this lock, so nothing is applied until it goes.
    const blocker = new Client({ connectionString: testApp.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE customer_replica IN ACCESS EXCLUSIVE MODE');
      const count = maxConsumerLag + 100;
      await publishCustomerEvents(
        testApp.redis,
        Array.from({ length: count }, () => customerEvent.registered(uuidv7())),
      );
      const behind = await dataProduct();
      const [input] = behind.status.inputs;
      expect((input.lag ?? 0) + (input.pending ?? 0)).toBe(count);
      expect(check(behind, `consumer-lag:${CUSTOMER_STREAM}`)).toMatchObject({
        measured: `${count} (${input.lag} undelivered, ${input.pending} pending)`,
        kept: false,
      });
      expect(input.behindSeconds).toBeGreaterThan(0);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    await eventually(
      'the replica caught up',
      async () => check(await dataProduct(), `consumer-lag:${CUSTOMER_STREAM}`)?.kept === true,
      60_000,
    );
  });

  it('counts an input entry it gave up on as a dead letter, a promise not kept', async () => {
    await testApp.redis.xadd(streamKeys.source(CUSTOMER_STREAM), '*', 'not', 'an event');
    await eventually('the dead letter counted', async () => (await dataProduct()).status.inputs[0].deadLetters === 1);
    expect(check(await dataProduct(), `dead-letters:${CUSTOMER_STREAM}`)).toMatchObject({
      measured: '1 dead letter(s)',
      kept: false,
    });
  });
});
