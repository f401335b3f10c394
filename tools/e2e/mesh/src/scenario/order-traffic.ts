import type { OrderResponse } from '@mesh/orders-contracts';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { type ApiAnswer, type ApiRequest, type JsonApi, NoAnswerError } from '../api/json-api';
import type { Ledger } from './ledger';
import type { Problems } from './problems';

const SKUS = ['BOOK-1', 'BOOK-2', 'MUG-1', 'PEN-3', 'LAMP-7', 'DESK-2', 'CHAIR-5', 'BAG-9', 'CUP-4', 'NOTE-8'];
const CURRENCIES = ['EUR', 'EUR', 'USD', 'GBP'];
const NO_ANSWER_RETRIES = 20;

export interface OrderTrafficCounts {
  placed: number;
  /** Requests sent again with the same Idempotency-Key on purpose: each must return the first order. */
  replayed: number;
  /** Requests retried with their Idempotency-Key because no answer came. */
  retriedWithoutAnswer: number;
  cancelled: number;
  /** Orders shipped because more than `maxOpenOrders` were open. */
  shipped: number;
  /** 422: the orders domain had not heard of the customer yet (its replica follows customers' events). */
  customerNotYetKnown: number;
}

export interface OrderTrafficOptions {
  workers: number;
  pauseMs: number;
  /** Ship the oldest open order whenever more than this many are open, so that every order ends (the soak). */
  maxOpenOrders?: number;
}

/**
 * Customers placing orders (each with an Idempotency-Key) and cancelling some, from `workers`
 * loops, until stopped. A request without an answer is retried with its key, as a real client
 * would: the key makes the retry safe. Every accepted order and cancellation goes to the ledger
 * (a shipment changes no figure).
 */
export class OrderTraffic {
  readonly counts: OrderTrafficCounts = {
    placed: 0,
    replayed: 0,
    retriedWithoutAnswer: 0,
    cancelled: 0,
    shipped: 0,
    customerNotYetKnown: 0,
  };
  private readonly known: string[] = [];
  private readonly notYetKnown = new Set<string>();
  private readonly cancellable: string[] = [];
  private running: Promise<void>[] = [];
  private stopped = false;

  constructor(
    private readonly orders: JsonApi,
    private readonly ledger: Ledger,
    private readonly problems: Problems,
    private readonly options: OrderTrafficOptions,
  ) {}

  /** New customers; they get orders once the orders domain knows them. */
  addCustomers(ids: readonly string[]): void {
    for (const id of ids) this.notYetKnown.add(id);
  }

  get knownCustomers(): number {
    return this.known.length;
  }

  start(): void {
    this.stopped = false;
    this.running = Array.from({ length: this.options.workers }, () => this.work());
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
      await Promise.all([...this.notYetKnown].map((id) => this.orderFromNewCustomer(id)));
      if (this.notYetKnown.size > 0) await sleep(250);
    }
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      const newCustomer = [...this.notYetKnown][0];
      if (newCustomer && Math.random() < 0.2) await this.orderFromNewCustomer(newCustomer);
      else if (this.cancellable.length > (this.options.maxOpenOrders ?? Infinity)) await this.shipOldest();
      else if (this.cancellable.length > 0 && Math.random() < 0.12) await this.cancelOne();
      else if (this.known.length > 0) await this.placeOrder(this.known[Math.floor(Math.random() * this.known.length)]);
      await sleep(this.options.pauseMs);
    }
  }

  private async orderFromNewCustomer(customerId: string): Promise<void> {
    if ((await this.placeOrder(customerId)) && this.notYetKnown.delete(customerId)) this.known.push(customerId);
  }

  /** @returns whether the order was placed. */
  private async placeOrder(customerId: string): Promise<boolean> {
    const request: ApiRequest = {
      endpoint: 'POST /orders',
      method: 'POST',
      path: '/orders',
      body: { customerId, currency: pick(CURRENCIES), items: randomLines() },
      headers: { 'idempotency-key': randomUUID() },
    };
    const answer = await this.sendRetrying<OrderResponse>(request);
    if (answer?.status === 422) {
      this.counts.customerNotYetKnown += 1;
      return false;
    }
    if (answer?.status !== 201) {
      if (answer)
        this.problems.add(`POST /orders answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
      return false;
    }
    const order = answer.body;
    if (this.ledger.orders.has(order.id)) {
      this.problems.add(`POST /orders with a new Idempotency-Key answered with order ${order.id}, placed before`);
      return false;
    }
    this.ledger.placed(order);
    this.cancellable.push(order.id);
    this.counts.placed += 1;
    if (Math.random() < 0.1) await this.replay(request, order);
    return true;
  }

  /** The same request with the same key again: the first answer, marked as replayed, and no new order. */
  private async replay(request: ApiRequest, order: OrderResponse): Promise<void> {
    const again = await this.sendRetrying<OrderResponse>(request);
    if (!again) return;
    this.counts.replayed += 1;
    this.problems.expect(
      again.status === 201 && again.body.id === order.id && again.headers.get('idempotent-replayed') === 'true',
      `a replayed POST /orders answered ${again.status} with order ${again.body.id} (first: ${order.id}, replayed header: ${again.headers.get('idempotent-replayed')})`,
    );
  }

  private async cancelOne(): Promise<void> {
    const [orderId] = this.cancellable.splice(Math.floor(Math.random() * this.cancellable.length), 1);
    const request: ApiRequest = {
      endpoint: 'POST /orders/:id/cancel',
      method: 'POST',
      path: `/orders/${orderId}/cancel`,
      body: { reason: 'changed my mind (e2e)' },
    };
    const answer = await this.sendRetrying<OrderResponse>(request);
    // After a retry without answer, a 409 means the first attempt went through.
    const cancelled =
      answer?.status === 200 || (answer?.status === 409 && (await this.statusOf(orderId)) === 'cancelled');
    if (cancelled) {
      this.ledger.cancelled(orderId);
      this.counts.cancelled += 1;
    } else if (answer) {
      this.problems.add(
        `cancelling order ${orderId} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`,
      );
    }
  }

  private async shipOldest(): Promise<void> {
    const orderId = this.cancellable.shift();
    if (orderId === undefined) return;
    const request: ApiRequest = {
      endpoint: 'POST /orders/:id/ship',
      method: 'POST',
      path: `/orders/${orderId}/ship`,
    };
    const answer = await this.sendRetrying<OrderResponse>(request);
    // After a retry without answer, a 409 means the first attempt went through.
    if (answer?.status === 200 || (answer?.status === 409 && (await this.statusOf(orderId)) === 'shipped'))
      this.counts.shipped += 1;
    else if (answer)
      this.problems.add(
        `shipping order ${orderId} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`,
      );
  }

  private async statusOf(orderId: string): Promise<string> {
    return (await this.orders.get<OrderResponse>('/orders/:id', `/orders/${orderId}`)).status;
  }

  /** Sends until an answer comes (a problem after too many attempts); undefined when none ever came. */
  private async sendRetrying<T>(request: ApiRequest): Promise<ApiAnswer<T> | undefined> {
    for (let attempt = 1; attempt <= NO_ANSWER_RETRIES; attempt += 1) {
      try {
        return await this.orders.send<T>(request);
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        this.counts.retriedWithoutAnswer += 1;
        await sleep(500);
      }
    }
    this.problems.add(`${request.method} ${request.path} got no answer in ${NO_ANSWER_RETRIES} attempts`);
    return undefined;
  }
}

function randomLines(): Array<{ sku: string; quantity: number; unitPrice: number }> {
  return Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
    sku: pick(SKUS),
    quantity: 1 + Math.floor(Math.random() * 5),
    unitPrice: 50 + Math.floor(Math.random() * 5_000),
  }));
}

function pick<T>(values: readonly T[]): T {
  return values[Math.floor(Math.random() * values.length)];
}
