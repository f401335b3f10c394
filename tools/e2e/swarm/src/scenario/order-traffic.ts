import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Ledger, LedgerOrder, OrderLine } from './ledger';
import { type ApiOutcome, describeOutcome, isInconclusive, type MeshApi } from './mesh-api';

export const CURRENCY = 'EUR';
const CATALOGUE: readonly { sku: string; unitPrice: number }[] = [
  { sku: 'SWARM-KETTLE', unitPrice: 3_499 },
  { sku: 'SWARM-MUG', unitPrice: 899 },
  { sku: 'SWARM-TEA', unitPrice: 450 },
  { sku: 'SWARM-SPOON', unitPrice: 199 },
  { sku: 'SWARM-TRAY', unitPrice: 1_250 },
];
/** How long one order may keep getting no conclusive answer (a task replaced, a slow start). */
const RESOLVE_DEADLINE_MS = 90_000;
const RETRY_PAUSE_MS = 250;

export interface TrafficCounts {
  /** Requests whose answer said nothing (no answer, 502/503/504) and that were sent again. */
  inconclusive: number;
  /** First attempts that did not succeed, in strict mode (the rolling update allows none). */
  failedFirstAttempts: string[];
}

/**
 * Places and cancels orders through the gateway and writes what the mesh accepted into the
 * ledger. An inconclusive request is sent again as it was: POST /orders with the same
 * Idempotency-Key (so a retry never places a second order), a cancel until the order says
 * cancelled. A conclusive refusal is an error.
 */
export class OrderTraffic {
  readonly counts: TrafficCounts = { inconclusive: 0, failedFirstAttempts: [] };

  constructor(
    private readonly orders: MeshApi,
    private readonly ledger: Ledger,
    private readonly random: () => number,
  ) {}

  /** `waitForCustomer`: a 422 means the orders replica has not heard of the customer yet. */
  async placeOrder(
    customerId: string,
    options: { strict?: boolean; waitForCustomer?: boolean } = {},
  ): Promise<LedgerOrder> {
    const items = this.randomLines();
    const key = randomUUID();
    const request = {
      method: 'POST' as const,
      path: '/orders',
      body: { customerId, currency: CURRENCY, items },
      headers: { 'idempotency-key': key },
    };
    const outcome = await this.untilConclusive(
      `place ${key}`,
      () => this.orders.call(request),
      options,
      (answer) => Boolean(options.waitForCustomer) && answer.kind === 'answer' && answer.status === 422,
    );
    if (outcome.kind !== 'answer' || outcome.status !== 201)
      throw new Error(`POST /orders for ${customerId}: ${describeOutcome(outcome)}`);
    const order = outcome.body as { id: string; total: number };
    const total = items.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    if (order.total !== total) throw new Error(`order ${order.id}: total ${order.total}, the lines make ${total}`);
    this.ledger.addOrder({ id: order.id, customerId, currency: CURRENCY, items, total });
    return this.ledger.orders.get(order.id) as LedgerOrder;
  }

  async cancelOrder(orderId: string, options: { strict?: boolean } = {}): Promise<void> {
    const request = { method: 'POST' as const, path: `/orders/${orderId}/cancel`, body: { reason: 'swarm e2e' } };
    let sent = 0;
    const outcome = await this.untilConclusive(
      `cancel ${orderId}`,
      () => {
        sent += 1;
        return this.orders.call(request);
      },
      options,
    );
    if (outcome.kind === 'answer' && outcome.status === 200) {
      this.ledger.cancel(orderId);
      return;
    }
    // A 409 after an inconclusive attempt: that attempt may have cancelled it. The order says.
    if (sent > 1 && outcome.kind === 'answer' && outcome.status === 409) {
      const current = await this.untilConclusive(
        `get ${orderId}`,
        () => this.orders.call({ method: 'GET', path: `/orders/${orderId}` }),
        {},
      );
      if (current.kind === 'answer' && (current.body as { status?: string }).status === 'cancelled') {
        this.ledger.cancel(orderId);
        return;
      }
    }
    throw new Error(`POST /orders/${orderId}/cancel: ${describeOutcome(outcome)}`);
  }

  /** Reads an order back; in strict mode a failure counts. */
  async readOrder(orderId: string, options: { strict?: boolean } = {}): Promise<void> {
    const outcome = await this.untilConclusive(
      `get ${orderId}`,
      () => this.orders.call({ method: 'GET', path: `/orders/${orderId}` }),
      options,
    );
    if (outcome.kind !== 'answer' || outcome.status !== 200)
      throw new Error(`GET /orders/${orderId}: ${describeOutcome(outcome)}`);
  }

  private async untilConclusive(
    what: string,
    send: () => Promise<ApiOutcome>,
    options: { strict?: boolean },
    retryAlso: (outcome: ApiOutcome) => boolean = () => false,
  ): Promise<ApiOutcome> {
    const deadline = Date.now() + RESOLVE_DEADLINE_MS;
    let outcome = await send();
    if (options.strict && !isSuccess(outcome))
      this.counts.failedFirstAttempts.push(`${what}: ${describeOutcome(outcome)}`);
    while (isInconclusive(outcome) || retryAlso(outcome)) {
      if (isInconclusive(outcome)) this.counts.inconclusive += 1;
      if (Date.now() > deadline)
        throw new Error(`${what}: still ${describeOutcome(outcome)} after ${RESOLVE_DEADLINE_MS / 1000} s`);
      await sleep(RETRY_PAUSE_MS);
      outcome = await send();
    }
    return outcome;
  }

  private randomLines(): OrderLine[] {
    const count = 1 + Math.floor(this.random() * 3);
    const picked = [...CATALOGUE].sort(() => this.random() - 0.5).slice(0, count);
    return picked.map(({ sku, unitPrice }) => ({ sku, unitPrice, quantity: 1 + Math.floor(this.random() * 4) }));
  }
}

function isSuccess(outcome: ApiOutcome): boolean {
  return outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300;
}

/** A seeded generator (mulberry32): a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
