import { type CustomerResponse,customerTierChanged } from '@mesh/customers-contracts';
import { eventually } from '@mesh/messaging/testing';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { assertValidCustomerEvent, customerEventsOf } from '../../test/customer-stream';
import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';
import { OrdersStream } from '../../test/order-events';

jest.setTimeout(60_000);

describe('order statistics and loyalty tier from the orders events', () => {
  const context = customersAppForThisFile({ TIER_SILVER_MIN_ORDERS: '2', TIER_GOLD_MIN_ORDERS: '4' });
  let orders: OrdersStream;

  const read = async (id: string) =>
    (
      await context.service.app.inject({ method: 'GET', url: `/customers/${id}`, headers: authorized() })
    ).json<CustomerResponse>();
  const tierChanges = async (id: string) =>
    (await customerEventsOf(context.redis, id)).filter((event) => event.type === customerTierChanged.type);

  beforeAll(async () => {
    orders = new OrdersStream(context.redis);
  });

  it('counts placed orders and their totals per currency, and moves the tier up with tier-changed events', async () => {
    const customer = await registerCustomer(context.service.app);
    const placements = [
      orders.placed(customer.id, 1_000),
      orders.placed(customer.id, 2_500),
      orders.placed(customer.id, 700, 'USD'),
      orders.placed(customer.id, 300),
    ];

    await orders.publish(...placements);
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({
      orderCount: 4,
      totalSpent: { EUR: 3_800, USD: 700 },
      tier: 'gold',
      revision: 3,
    });
    await eventually('two tier changes', async () => (await tierChanges(customer.id)).length === 2);
    const changes = await tierChanges(customer.id);
    changes.forEach(assertValidCustomerEvent);
    expect(changes.map((event) => event.data)).toEqual([
      expect.objectContaining({ customerId: customer.id, revision: 2, previousTier: 'bronze', tier: 'silver' }),
      expect.objectContaining({ customerId: customer.id, revision: 3, previousTier: 'silver', tier: 'gold' }),
    ]);
    // Orders are handled concurrently (in order per order, not per customer): any two of them cause the changes.
    const causes = changes.map((event) => event.causationid);
    expect(new Set(causes).size).toBe(2);
    expect(placements.map((placement) => placement.id)).toEqual(expect.arrayContaining(causes));
  });

  it('counts an order event delivered twice once', async () => {
    const customer = await registerCustomer(context.service.app);
    const first = orders.placed(customer.id, 1_200);
    const second = orders.placed(customer.id, 800);

    await orders.publish(first, first, second, first, second);
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({ orderCount: 2, totalSpent: { EUR: 2_000 }, tier: 'silver' });
    await eventually('the tier change', async () => (await tierChanges(customer.id)).length === 1);
  });

  it('reverses a cancelled order: count, spend and tier, once however often the cancellation comes', async () => {
    const customer = await registerCustomer(context.service.app);
    const kept = orders.placed(customer.id, 5_000);
    const cancelledLater = orders.placed(customer.id, 1_500, 'GBP');
    await orders.publish(kept, cancelledLater);
    await orders.handled();
    expect(await read(customer.id)).toMatchObject({ orderCount: 2, tier: 'silver' });

    const cancellation = orders.cancelled(cancelledLater);
    await orders.publish(cancellation, cancellation);
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({
      orderCount: 1,
      totalSpent: { EUR: 5_000, GBP: 0 },
      tier: 'bronze',
      revision: 3,
    });
    await eventually('the way up and down', async () => (await tierChanges(customer.id)).length === 2);
    const changes = await tierChanges(customer.id);
    expect(changes.map((event) => [event.data, event.causationid])).toEqual([
      [expect.objectContaining({ previousTier: 'bronze', tier: 'silver', revision: 2 }), cancelledLater.id],
      [expect.objectContaining({ previousTier: 'silver', tier: 'bronze', revision: 3 }), cancellation.id],
    ]);
  });

  it('changes nothing for the cancellation of an order whose placement it never saw', async () => {
    const customer = await registerCustomer(context.service.app);
    await orders.publish(orders.placed(customer.id, 400));
    await orders.handled();

    await orders.publish(orders.cancelled(orders.placed(customer.id, 900)));
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({
      orderCount: 1,
      totalSpent: { EUR: 400 },
      tier: 'bronze',
      revision: 1,
    });
  });

  it('does not count a placement that arrives after its cancellation (another replica took it first)', async () => {
    const customer = await registerCustomer(context.service.app);
    const placement = orders.placed(customer.id, 900);

    await orders.publish(orders.cancelled(placement), placement, placement);
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({ orderCount: 0, totalSpent: {}, tier: 'bronze', revision: 1 });
  });

  it('acknowledges an order of a customer it does not know, with a warning, and goes on with the next', async () => {
    const stranger = uuidv7();
    const customer = await registerCustomer(context.service.app);

    await orders.publish(orders.placed(stranger, 100), orders.cancelled(orders.placed(stranger, 100)));
    await orders.publish(orders.placed(customer.id, 100));
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({ orderCount: 1 });
    const warnings = context.service.logs.filter(
      (line) => line.level === 'warn' && line.msg.includes(`customer ${stranger}`),
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0].msg).toMatch(/orders\.order\.placed .*: customer .* is not known here; ignored/);
    expect(await context.redis.exists('{orders.order.v1}:dead-letter:customers')).toBe(0);
  });

  it('keeps every order of one customer placed at the same time', async () => {
    const customer = await registerCustomer(context.service.app);
    const placements = Array.from({ length: 12 }, (_, index) => orders.placed(customer.id, 100 + index));

    await orders.publish(...placements);
    await orders.handled();

    expect(await read(customer.id)).toMatchObject({ orderCount: 12, totalSpent: { EUR: 1_266 }, tier: 'gold' });
  });

  it('reports the events it consumed and its outbox backlog on /metrics', async () => {
    const metrics = (await context.service.app.inject({ method: 'GET', url: '/metrics' })).body;

    const consumed =
      /^mesh_events_consumed_total\{group="customers",stream="orders.order.v1",type="orders.order.placed"\} (\d+)$/m;
    expect(Number(consumed.exec(metrics)?.[1])).toBeGreaterThan(20);
    expect(metrics).toMatch(/^mesh_outbox_backlog\{outbox="customers"\} \d+$/m);
  });
});
