import type { CustomerRegistered, CustomerTierChanged, CustomerUpdated } from '@mesh/customers-contracts';
import type { OrderCancelled, OrderPlaced } from '@mesh/orders-contracts';

import type { Pseudonymizer } from '../pseudonym/pseudonymizer';
import type { ProjectionWrites } from './projection-writes';

/** The UTC calendar day of an ISO timestamp: the day a sale counts on. */
export function utcDay(isoTimestamp: string): string {
  return new Date(isoTimestamp).toISOString().slice(0, 10);
}

/**
 * What the input events do to the projections, within one transaction on one set of tables: the
 * target the consumer's routes write through, for the live handlers and the rebuild alike.
 * Customers are written under their pseudonym only: of customers events only the country and the
 * tier are kept, and name and email never reach a table, a log line or a response of analytics.
 * Tables are written in one fixed order (orders, lines, daily sales, customer, products) so that
 * concurrent handlers never wait on each other in a cycle.
 */
export class Projections {
  constructor(
    private readonly writes: ProjectionWrites,
    private readonly pseudonyms: Pseudonymizer,
  ) {}

  async orderPlaced(order: OrderPlaced): Promise<void> {
    const mark = await this.writes.markOrder(order.orderId, 'placed');
    if (!mark) return;
    const day = utcDay(order.placedAt);
    // Only what the lines need: the store is never handed a customer id.
    await this.writes.recordOrderLines({ orderId: order.orderId, currency: order.currency, lines: order.lines }, day);
    await this.writes.addToDailySales({
      day,
      currency: order.currency,
      orders: 1,
      revenue: order.total,
      cancelledOrders: 0,
      cancelledRevenue: 0,
    });
    const pseudonym = this.pseudonyms.of(order.customerId);
    await this.writes.addCustomerOrders({ pseudonym, currency: order.currency, orders: 1, revenue: order.total });
    // Already cancelled: its lines would be taken out again at once.
    if (!mark.otherFactKnown) await this.writes.applyOrderLinesToProductSales(order.orderId, 1);
  }

  /** A cancellation counts on the day the order was placed; the event repeats what it needs. */
  async orderCancelled(order: OrderCancelled): Promise<void> {
    const mark = await this.writes.markOrder(order.orderId, 'cancelled');
    if (!mark) return;
    await this.writes.addToDailySales({
      day: utcDay(order.placedAt),
      currency: order.currency,
      orders: 0,
      revenue: 0,
      cancelledOrders: 1,
      cancelledRevenue: order.total,
    });
    const pseudonym = this.pseudonyms.of(order.customerId);
    await this.writes.addCustomerOrders({ pseudonym, currency: order.currency, orders: -1, revenue: -order.total });
    if (mark.otherFactKnown) await this.writes.applyOrderLinesToProductSales(order.orderId, -1);
  }

  async customerProfileChanged(customer: CustomerRegistered | CustomerUpdated): Promise<void> {
    await this.writes.setCustomerAttribute({
      pseudonym: this.pseudonyms.of(customer.customerId),
      attribute: 'country',
      value: customer.country,
      revision: customer.revision,
    });
  }

  async customerTierChanged(change: CustomerTierChanged): Promise<void> {
    await this.writes.setCustomerAttribute({
      pseudonym: this.pseudonyms.of(change.customerId),
      attribute: 'tier',
      value: change.tier,
      revision: change.revision,
    });
  }
}
