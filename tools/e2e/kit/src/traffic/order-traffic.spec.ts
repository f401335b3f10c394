import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { MeshApi } from '../api/mesh-api';
import { Ledger } from '../ledger';
import { Problems } from '../problems';
import { type RetryPolicy } from './conclusive-requests';
import { OrderTraffic, type OrderTrafficOptions } from './order-traffic';

/** What the fake orders API answers to one request: a status and body, or no answer at all (`drop`). */
type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

interface Received {
  method: string;
  path: string;
  key?: string;
  body: { customerId?: string; currency?: string; items?: { quantity: number; unitPrice: number }[] };
}

/** The same as the gateway's and the services' policies, without their pauses. */
const FAST_GATEWAY: RetryPolicy = { retry: 'inconclusive', pauseMs: 1, deadlineMs: 5_000 };
const FAST_DIRECT: RetryPolicy = { retry: 'no-answer', pauseMs: 1, maxAttempts: 3 };

const customer = '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a';

/** The order the orders domain makes of a request: priced as sent, `totalOff` wrong if asked to. */
function orderFor(request: Received, id: string = randomUUID(), totalOff = 0) {
  const items = (request.body.items ?? []).map((line) => ({ ...line, lineTotal: line.quantity * line.unitPrice }));
  const total = items.reduce((sum, line) => sum + line.lineTotal, 0) + totalOff;
  const placedAt = new Date().toISOString();
  return {
    id,
    customerId: request.body.customerId,
    status: 'placed',
    currency: request.body.currency,
    items,
    total,
    placedAt,
  };
}

describe('OrderTraffic', () => {
  let server: Server;
  let url: string;
  let received: Received[];
  let reply: (request: Received, index: number) => Reply;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const key = request.headers['idempotency-key'];
        const entry: Received = {
          method: request.method ?? '',
          path: request.url ?? '',
          key: typeof key === 'string' ? key : undefined,
          body: text ? JSON.parse(text) : {},
        };
        received.push(entry);
        const answer = reply(entry, received.length - 1);
        if (answer === 'drop') return void request.socket.destroy();
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    received = [];
  });

  function traffic(options: OrderTrafficOptions, problems = new Problems()) {
    const ledger = new Ledger();
    ledger.registered(customer, 'DE');
    const orders = new MeshApi({ name: 'orders', baseUrl: url, token: 'token' });
    return { ledger, problems, traffic: new OrderTraffic(orders, ledger, problems, { replayShare: 0, ...options }) };
  }

  it('sends an inconclusive POST /orders again with its key through a gateway; the order goes in once', async () => {
    reply = (request, index) => (index === 0 ? { status: 503 } : { status: 201, body: orderFor(request) });
    const run = traffic({ retry: FAST_GATEWAY });

    const order = await run.traffic.placeOrder(customer);

    expect(run.ledger.orders.size).toBe(1);
    expect(run.ledger.orders.get(order?.id ?? '')).toBeDefined();
    expect(run.traffic.counts).toMatchObject({ placed: 1, inconclusive: 1 });
    expect(received.map((request) => request.key)).toEqual([received[0].key, received[0].key]);
  });

  it('takes a 503 straight from a service as an answer: a refusal, and a problem', async () => {
    reply = () => ({ status: 503, body: { message: 'not ready' } });
    const run = traffic({ retry: FAST_DIRECT });

    expect(await run.traffic.placeOrder(customer)).toBeUndefined();
    expect(run.problems.list).toEqual([expect.stringMatching(/^POST \/orders for customer .* answered 503/)]);
    expect(run.traffic.counts.inconclusive).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('gives up on a request that never gets an answer: a problem after its last attempt', async () => {
    reply = () => 'drop';
    const run = traffic({ retry: FAST_DIRECT });

    expect(await run.traffic.placeOrder(customer)).toBeUndefined();
    expect(run.problems.list).toEqual([expect.stringMatching(/^POST \/orders: still no answer .* after 3 attempts/)]);
    expect(run.traffic.counts.inconclusive).toBe(3);
  });

  it('throws the first problem when its problems say so', async () => {
    reply = () => ({ status: 400, body: { message: 'bad' } });
    const run = traffic({ retry: FAST_GATEWAY }, new Problems('throw'));

    await expect(run.traffic.placeOrder(customer)).rejects.toThrow(/answered 400/);
  });

  it('counts a strict first attempt that failed, though the request went through when sent again', async () => {
    reply = (request, index) => (index === 0 ? { status: 502 } : { status: 201, body: orderFor(request) });
    const run = traffic({ retry: FAST_GATEWAY });

    await run.traffic.placeOrder(customer, { strict: true });

    expect(run.traffic.counts.failedFirstAttempts).toEqual([expect.stringMatching(/^POST \/orders: 502/)]);
    expect(run.ledger.orders.size).toBe(1);
  });

  it('takes a 409 to a cancel sent again as the first attempt having gone through, when the order says cancelled', async () => {
    reply = (request, index) => {
      if (request.path === '/orders') return { status: 201, body: orderFor(request, 'o1') };
      if (request.method === 'GET') return { status: 200, body: { id: 'o1', status: 'cancelled' } };
      return index === 1 ? 'drop' : { status: 409, body: { message: 'already cancelled' } };
    };
    const run = traffic({ retry: FAST_GATEWAY });

    await run.traffic.placeOrder(customer);
    expect(await run.traffic.cancelOrder('o1')).toBe(true);

    expect(run.ledger.cancelledCount).toBe(1);
    expect(run.traffic.counts).toMatchObject({ cancelled: 1, inconclusive: 1 });
    expect(run.problems.list).toEqual([]);
  });

  it('refuses a 409 to a cancel at its first attempt: someone else cancelled that order', async () => {
    reply = (request) =>
      request.path === '/orders' ? { status: 201, body: orderFor(request, 'o1') } : { status: 409, body: {} };
    const run = traffic({ retry: FAST_GATEWAY });

    await run.traffic.placeOrder(customer);
    expect(await run.traffic.cancelOrder('o1')).toBe(false);

    expect(run.ledger.cancelledCount).toBe(0);
    expect(run.problems.list).toEqual([expect.stringMatching(/^cancelling order o1 answered 409/)]);
  });

  it("places a new customer's first order until the orders domain knows them; a 422 later is a refusal", async () => {
    const newcomer = '0190f5b1-2222-7cc1-9a55-3f6f0c1d2e3a';
    reply = (request, index) => (index < 2 || index === 3 ? { status: 422 } : { status: 201, body: orderFor(request) });
    const run = traffic({ retry: FAST_GATEWAY });
    run.ledger.registered(newcomer, 'FR');
    run.traffic.addCustomers([newcomer]);

    await run.traffic.untilAllCustomersKnown(5_000);
    expect(run.traffic.knownCustomers).toBe(1);
    expect(run.traffic.counts).toMatchObject({ customerNotYetKnown: 2, placed: 1 });
    expect(run.problems.list).toEqual([]);

    await run.traffic.placeOrder(newcomer);
    expect(run.problems.list).toEqual([expect.stringMatching(/answered 422/)]);
  });

  it('replays an order with its key: the same order must come back, marked as replayed', async () => {
    reply = (request, index) =>
      index === 0
        ? { status: 201, body: orderFor(request, 'o1') }
        : { status: 201, body: orderFor(request, 'o1'), headers: { 'idempotent-replayed': 'true' } };
    const run = traffic({ retry: FAST_GATEWAY, replayShare: 1 });

    await run.traffic.placeOrder(customer);

    expect(run.traffic.counts).toMatchObject({ placed: 1, replayed: 1 });
    expect(run.problems.list).toEqual([]);
    expect(received[1].key).toBe(received[0].key);
  });

  it('finds fault with a replay that places another order, and with a total that is not its lines', async () => {
    reply = (request, index) => ({ status: 201, body: orderFor(request, `o${index}`, index === 0 ? 1 : 0) });
    const run = traffic({ retry: FAST_GATEWAY, replayShare: 1 });

    await run.traffic.placeOrder(customer);

    expect(run.problems.list).toEqual([
      expect.stringMatching(/^order o0: total \d+, its lines make \d+$/),
      expect.stringMatching(/^a replayed POST \/orders answered 201 with order o1 \(first: o0/),
    ]);
  });

  it('keeps clients placing, cancelling and shipping orders until stopped', async () => {
    let placed = 0;
    reply = (request) => {
      if (request.path === '/orders') return { status: 201, body: orderFor(request, `o${(placed += 1)}`) };
      return { status: 200, body: {} };
    };
    const run = traffic({ retry: FAST_GATEWAY, workers: 2, pauseMs: 1, maxOpenOrders: 3 });
    run.traffic.addCustomers([customer]);
    await run.traffic.untilAllCustomersKnown(5_000);

    run.traffic.start();
    await sleep(300);
    await run.traffic.stop();

    expect(run.problems.list).toEqual([]);
    expect(run.traffic.counts.placed).toBeGreaterThan(5);
    expect(run.traffic.counts.shipped).toBeGreaterThan(0);
    expect(run.ledger.cancelledCount).toBe(run.traffic.counts.cancelled);
  });
});
