import { createEvent, type DataProductDocument, encodeStreamEntry, type QualityRuleResult } from '@mesh/contract-kit';
import { streamKeys } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { ORDER_STREAM, orderPlaced } from '@mesh/orders-contracts';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../test/access-tokens';
import { registerCustomer } from '../test/customer-events';
import { OrdersTestApp } from '../test/orders-test-app';

jest.setTimeout(90_000);

let testApp: OrdersTestApp;

beforeAll(async () => {
  // Every request checks the rules again, so that the test sees an entry as soon as it is on the stream.
  testApp = await OrdersTestApp.start('quality', { DATA_QUALITY_MAX_AGE_MS: '0' });
});

afterAll(() => testApp?.close());

async function dataProduct(): Promise<DataProductDocument> {
  const response = await testApp.app.inject({ method: 'GET', url: '/.well-known/data-product' });
  expect(response.statusCode).toBe(200);
  return response.json<DataProductDocument>();
}

const rule = (document: DataProductDocument, id: string): QualityRuleResult | undefined =>
  document.status.quality?.rules.find((result) => result.id === id);

describe('the orders data-quality rules on live data', () => {
  it('keeps every rule on orders placed and cancelled through the API and on their events', async () => {
    const customerId = await registerCustomer(testApp);
    const first = await testApp.placedOrder(customerId);
    await testApp.placedOrder(customerId, [
      { sku: 'BOOK-2', quantity: 3, unitPrice: 700 },
      { sku: 'PEN-1', quantity: 1, unitPrice: 150 },
    ]);
    const cancel = await testApp.app.inject({
      method: 'POST',
      url: `/orders/${first.id}/cancel`,
      payload: { reason: 'changed my mind' },
      headers: authorized(),
    });
    expect(cancel.statusCode).toBe(200);
    await eventually('three events on the stream', async () => (await testApp.orderEvents()).length === 3, 30_000);

    const document = await dataProduct();
    expect(document.status.quality?.rules.filter((result) => !result.kept)).toEqual([]);
    expect(rule(document, 'placed-total-is-sum-of-lines')).toMatchObject({ target: 'orders.order.placed', sampled: 2, failed: 0 });
    expect(rule(document, 'order-event-ids-unique')).toMatchObject({ sampled: 3, kept: true });
    expect(rule(document, 'order-total-is-sum-of-lines')).toMatchObject({ target: 'api:order', sampled: 2, kept: true });
    expect(document.status.serviceLevels.filter((level) => level.name.startsWith('quality:') && !level.kept)).toEqual([]);
  });

  it('breaks the total rule, in the document, its service level and the metrics, on a placed event whose total is not its lines', async () => {
    const customerId = uuidv7();
    const wrong = createEvent(orderPlaced, {
      subject: uuidv7(),
      data: {
        orderId: uuidv7(),
        customerId,
        currency: 'EUR',
        lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }],
        total: 2499,
        placedAt: new Date().toISOString(),
      },
    });
    // Straight onto the stream, past the service's own checks, as a faulty producer would.
    await testApp.redis.xadd(streamKeys.source(ORDER_STREAM), '*', ...encodeStreamEntry(wrong));

    const document = await dataProduct();
    expect(rule(document, 'placed-total-is-sum-of-lines')).toMatchObject({
      sampled: 3,
      failed: 1,
      failing: [wrong.id],
      kept: false,
    });
    expect(document.status.serviceLevels.find((level) => level.name === 'quality:placed-total-is-sum-of-lines')).toMatchObject({
      measured: `broken by 1 of 3 sampled (${wrong.id})`,
      kept: false,
    });
    // The other rules still hold: one bad event breaks only what it breaks.
    expect(rule(document, 'order-event-ids-unique')?.kept).toBe(true);
    expect(rule(document, 'order-total-is-sum-of-lines')?.kept).toBe(true);
    const metrics = (await testApp.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('mesh_data_quality_rule_kept{rule="placed-total-is-sum-of-lines",target="orders.order.placed"} 0');
    expect(metrics).toContain('mesh_data_quality_rule_kept{rule="order-event-ids-unique",target="orders.order.placed, orders.order.cancelled, orders.order.shipped"} 1');
  });

  it('breaks the unique rule on an event published twice', async () => {
    const [latest] = await testApp.redis.xrevrange(streamKeys.source(ORDER_STREAM), '+', '-', 'COUNT', 1);
    await testApp.redis.xadd(streamKeys.source(ORDER_STREAM), '*', ...latest[1]);
    const document = await dataProduct();
    expect(rule(document, 'order-event-ids-unique')).toMatchObject({ failed: 1, kept: false });
    expect(rule(document, 'placed-once-per-order')).toMatchObject({ failed: 1, kept: false });
  });
});
