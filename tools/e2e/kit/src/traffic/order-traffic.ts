import type { OrderResponse } from '@mesh/orders-contracts';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { type ApiAnswer, type ApiRequest, describeOutcome, type MeshApi } from '../api/mesh-api';
import type { Ledger } from '../ledger';
import type { Problems } from '../problems';
import { ConclusiveRequests, DIRECT, type RequestCounts, type RetryPolicy, type Sent } from './conclusive-requests';
import { MIXED_ORDERS, type OrderLine, type OrderMix } from './order-mix';

export interface OrderTrafficCounts extends RequestCounts {
  placed: number;
  /** Requests sent again with the same Idempotency-Key on purpose: each must return the first order. */
  replayed: number;
  cancelled: number;
  /** Orders shipped because more than `maxOpenOrders` were open. */
  shipped: number;
  /** 422 to a customer's first order: the orders domain had not heard of them yet (its replica follows customers' events). */
  customerNotYetKnown: number;
}

export interface OrderTrafficOptions {
  /** Clients that place, cancel and ship orders between `start` and `stop` (none when the run sends each request). */
  workers?: number;
  /** Each client's pause between two requests. */
  pauseMs?: number;
  /** Ship the oldest open order whenever more than this many are open, so that every order ends (the soak). */
  maxOpenOrders?: number;
  /** When a request is sent again as it was: `DIRECT` (straight to the services) unless given. */
  retry?: RetryPolicy;
  /** The orders placed: `MIXED_ORDERS` unless given. */
  mix?: OrderMix;
  /** Share of placed orders sent once more with their Idempotency-Key (0.1 unless given). */
  replayShare?: number;
  /** `Math.random` unless given (a seeded one replays a run). */
  random?: () => number;
}

/**
 * Customers placing orders (each with an Idempotency-Key), cancelling and shipping some, from
 * `workers` clients until stopped, or request by request. A request without a conclusive answer
 * is sent again as it was (`retry`): the key makes that safe. Every accepted order and
 * cancellation goes to the ledger (a shipment changes no figure); a refusal is a problem.
 */
export class OrderTraffic {
  readonly counts: OrderTrafficCounts = {
    placed: 0,
    replayed: 0,
    inconclusive: 0,
    failedFirstAttempts: [],
    cancelled: 0,
    shipped: 0,
    customerNotYetKnown: 0,
  };
  private readonly requests: ConclusiveRequests;
  private readonly random: () => number;
  private readonly known: string[] = [];
  private readonly notYetKnown = new Set<string>();
  /** Orders placed and neither cancelled nor shipped, oldest first. */
  private readonly open: string[] = [];
  private running: Promise<void>[] = [];
  private stopped = false;

  constructor(
    orders: MeshApi,
    private readonly ledger: Ledger,
    private readonly problems: Problems,
    private readonly options: OrderTrafficOptions = {},
  ) {
    this.requests = new ConclusiveRequests(orders, options.retry ?? DIRECT, problems, this.counts);
    this.random = options.random ?? Math.random;
  }

  /** New customers; they get orders once the orders domain knows them. */
  addCustomers(ids: readonly string[]): void {
    for (const id of ids) this.notYetKnown.add(id);
  }

  get knownCustomers(): number {
    return this.known.length;
  }

  start(): void {
    this.stopped = false;
    this.running = Array.from({ length: this.options.workers ?? 0 }, () => this.work());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  /** Places one order for every customer the orders domain does not know yet, until it knows them all. */
  async untilAllCustomersKnown(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.notYetKnown.size > 0) {
      if (Date.now() > deadline)
        throw new Error(
          `the orders domain still does not know ${this.notYetKnown.size} customer(s) after ${timeoutMs / 1000} s`,
        );
      await Promise.all([...this.notYetKnown].map((id) => this.placeOrder(id)));
      if (this.notYetKnown.size > 0) await sleep(250);
    }
  }

  /** @returns the order, or undefined when it was not placed (a problem, or a new customer not known yet). */
  async placeOrder(customerId: string, { strict = false } = {}): Promise<OrderResponse | undefined> {
    const firstOrder = this.notYetKnown.has(customerId);
    const { currency, items } = (this.options.mix ?? MIXED_ORDERS)(this.random);
    const request: ApiRequest = {
      endpoint: 'POST /orders',
      method: 'POST',
      path: '/orders',
      body: { customerId, currency, items },
      headers: { 'idempotency-key': randomUUID() },
    };
    const answer = await this.requests.send<OrderResponse>(request, strict);
    if (answer?.status === 422 && firstOrder) {
      this.counts.customerNotYetKnown += 1;
      return undefined;
    }
    if (answer?.status !== 201) return this.refused(`POST /orders for customer ${customerId}`, answer);
    if (!this.accepted(answer.body, items)) return undefined;
    if (this.notYetKnown.delete(customerId)) this.known.push(customerId);
    if (this.random() < (this.options.replayShare ?? 0.1)) await this.replay(request, answer.body);
    return answer.body;
  }

  /** @returns whether the order was cancelled. */
  async cancelOrder(orderId: string, { strict = false } = {}): Promise<boolean> {
    this.forget(orderId);
    const request: ApiRequest = {
      endpoint: 'POST /orders/:id/cancel',
      method: 'POST',
      path: `/orders/${orderId}/cancel`,
      body: { reason: 'changed my mind (e2e)' },
    };
    const answer = await this.requests.send<OrderResponse>(request, strict);
    if (await this.wentThrough(answer, orderId, 'cancelled')) {
      this.ledger.cancelled(orderId);
      this.counts.cancelled += 1;
      return true;
    }
    this.refused(`cancelling order ${orderId}`, answer);
    return false;
  }

  /** @returns whether the order was shipped. */
  async shipOrder(orderId: string): Promise<boolean> {
    this.forget(orderId);
    const request: ApiRequest = { endpoint: 'POST /orders/:id/ship', method: 'POST', path: `/orders/${orderId}/ship` };
    const answer = await this.requests.send<OrderResponse>(request);
    if (await this.wentThrough(answer, orderId, 'shipped')) {
      this.counts.shipped += 1;
      return true;
    }
    this.refused(`shipping order ${orderId}`, answer);
    return false;
  }

  /** The order as the orders domain holds it; undefined (a problem) unless it answers 200. */
  async readOrder(orderId: string, { strict = false } = {}): Promise<OrderResponse | undefined> {
    const request: ApiRequest = { endpoint: 'GET /orders/:id', method: 'GET', path: `/orders/${orderId}` };
    const answer = await this.requests.send<OrderResponse>(request, strict);
    return answer?.status === 200 ? answer.body : this.refused(`GET /orders/${orderId}`, answer);
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      const newCustomer = [...this.notYetKnown][0];
      if (newCustomer && this.random() < 0.2) await this.placeOrder(newCustomer);
      else if (this.open.length > (this.options.maxOpenOrders ?? Infinity)) await this.shipOrder(this.open[0]);
      else if (this.open.length > 0 && this.random() < 0.12)
        await this.cancelOrder(this.open[Math.floor(this.random() * this.open.length)]);
      else if (this.known.length > 0) await this.placeOrder(this.known[Math.floor(this.random() * this.known.length)]);
      await sleep(this.options.pauseMs ?? 0);
    }
  }

  /** Into the ledger, unless the answer cannot be right: @returns whether it went in. */
  private accepted(order: OrderResponse, items: readonly OrderLine[]): boolean {
    if (this.ledger.orders.has(order.id)) {
      this.problems.add(`POST /orders with a new Idempotency-Key answered with order ${order.id}, placed before`);
      return false;
    }
    const total = items.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    this.problems.expect(order.total === total, `order ${order.id}: total ${order.total}, its lines make ${total}`);
    this.ledger.placed(order);
    this.open.push(order.id);
    this.counts.placed += 1;
    return true;
  }

  /** The same request with the same key again: the first answer, marked as replayed, and no new order. */
  private async replay(request: ApiRequest, order: OrderResponse): Promise<void> {
    const again = await this.requests.send<OrderResponse>(request);
    if (!again) return;
    this.counts.replayed += 1;
    this.problems.expect(
      again.status === 201 && again.body.id === order.id && again.headers.get('idempotent-replayed') === 'true',
      `a replayed POST /orders answered ${again.status} with order ${again.body.id} (first: ${order.id}, replayed header: ${again.headers.get('idempotent-replayed')})`,
    );
  }

  /** 200, or a 409 after an attempt without a conclusive answer (which may have gone through) while the order says it did. */
  private async wentThrough(
    answer: Sent<OrderResponse> | undefined,
    orderId: string,
    status: 'cancelled' | 'shipped',
  ): Promise<boolean> {
    if (answer?.status === 200) return true;
    return answer?.status === 409 && answer.attempts > 1 && (await this.readOrder(orderId))?.status === status;
  }

  /** A problem, unless there was no answer at all (a problem already). */
  private refused(what: string, answer: ApiAnswer | undefined): undefined {
    if (answer) this.problems.add(`${what} answered ${describeOutcome(answer)}`);
    return undefined;
  }

  private forget(orderId: string): void {
    const index = this.open.indexOf(orderId);
    if (index >= 0) this.open.splice(index, 1);
  }
}
