import { customerTierChanged, customerUpdated } from '@mesh/customers-contracts';
import { orderCancelled, orderPlaced } from '@mesh/orders-contracts';

import type { Pseudonymizer } from '../pseudonym/pseudonymizer';
import { type OrderFact, ProjectionWrites } from './projection-writes';
import { Projections } from './projections';

/** Records every write, in order; an order fact counts once, as the store's mark does. */
class RecordedWrites extends ProjectionWrites {
  readonly calls: Array<[string, ...unknown[]]> = [];
  private readonly facts = new Set<string>();

  async markOrder(orderId: string, fact: OrderFact) {
    this.calls.push(['markOrder', orderId, fact]);
    if (this.facts.has(`${orderId}|${fact}`)) return undefined;
    this.facts.add(`${orderId}|${fact}`);
    return { otherFactKnown: this.facts.has(`${orderId}|${fact === 'placed' ? 'cancelled' : 'placed'}`) };
  }

  async recordOrderLines(...args: unknown[]) {
    this.calls.push(['recordOrderLines', ...args]);
  }

  async addToDailySales(...args: unknown[]) {
    this.calls.push(['addToDailySales', ...args]);
  }

  async addCustomerOrders(...args: unknown[]) {
    this.calls.push(['addCustomerOrders', ...args]);
  }

  async applyOrderLinesToProductSales(...args: unknown[]) {
    this.calls.push(['applyOrderLinesToProductSales', ...args]);
  }

  async setCustomerAttribute(...args: unknown[]) {
    this.calls.push(['setCustomerAttribute', ...args]);
  }
}

// Reversed: unlike the id, and the same for the same id, as an HMAC is.
const pseudonyms = { of: (customerId: string) => [...customerId].reverse().join('') } as Pseudonymizer;
const placed = { ...orderPlaced.example, placedAt: '2026-03-01T23:30:00.000Z' };
const cancelled = { ...orderCancelled.example, orderId: placed.orderId, placedAt: placed.placedAt };

function project() {
  const writes = new RecordedWrites();
  return { writes, projections: new Projections(writes, pseudonyms), written: () => writes.calls.map(([name]) => name) };
}

describe('Projections', () => {
  it('writes a placed order to every table in one fixed order, on its UTC day, under the pseudonym', async () => {
    const { writes, projections, written } = project();
    await projections.orderPlaced(placed);
    expect(written()).toEqual([
      'markOrder', 'recordOrderLines', 'addToDailySales', 'addCustomerOrders', 'applyOrderLinesToProductSales',
    ]);
    expect(writes.calls[2][1]).toMatchObject({ day: '2026-03-01', orders: 1, revenue: placed.total, cancelledOrders: 0 });
    expect(writes.calls[3][1]).toEqual({ pseudonym: pseudonyms.of(placed.customerId), currency: placed.currency, orders: 1, revenue: placed.total });
    expect(JSON.stringify(writes.calls)).not.toContain(placed.customerId);
  });

  it('takes a cancelled order back on the day it was placed, its lines only when its placement counted', async () => {
    const { writes, projections, written } = project();
    await projections.orderPlaced(placed);
    await projections.orderCancelled(cancelled);
    expect(written().slice(5)).toEqual(['markOrder', 'addToDailySales', 'addCustomerOrders', 'applyOrderLinesToProductSales']);
    expect(writes.calls.at(-1)).toEqual(['applyOrderLinesToProductSales', placed.orderId, -1]);
    expect(writes.calls[6][1]).toMatchObject({ day: '2026-03-01', cancelledOrders: 1, cancelledRevenue: cancelled.total });
  });

  it('leaves product sales alone for a cancellation applied before its placement, and counts a fact once', async () => {
    const { projections, written } = project();
    await projections.orderCancelled(cancelled);
    await projections.orderPlaced(placed);
    await projections.orderPlaced(placed);
    expect(written()).toEqual([
      'markOrder', 'addToDailySales', 'addCustomerOrders',
      'markOrder', 'recordOrderLines', 'addToDailySales', 'addCustomerOrders',
      'markOrder',
    ]);
  });

  it('keeps only the country and the tier of a customer, with their revision, under the pseudonym', async () => {
    const { writes, projections } = project();
    await projections.customerProfileChanged(customerUpdated.example);
    await projections.customerTierChanged(customerTierChanged.example);
    expect(writes.calls).toEqual([
      ['setCustomerAttribute', { pseudonym: pseudonyms.of(customerUpdated.example.customerId), attribute: 'country', value: customerUpdated.example.country, revision: customerUpdated.example.revision }],
      ['setCustomerAttribute', { pseudonym: pseudonyms.of(customerTierChanged.example.customerId), attribute: 'tier', value: customerTierChanged.example.tier, revision: customerTierChanged.example.revision }],
    ]);
  });
});
