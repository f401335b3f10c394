import type { OrderCancelled, OrderPlaced } from '@mesh/orders-contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Pseudonymizer } from '../pseudonym/pseudonymizer';
import { addCustomerOrders } from './customer-value.sql';
import { addToDailySales, utcDay } from './daily-sales.sql';
import { applyOrderLinesToProductSales, recordOrderLines } from './product-sales.sql';
import { markOrder } from './projected-orders.sql';
import type { ProjectionTables } from './projection-tables';

/**
 * What orders events do to the projections. Tables are written in one fixed order (orders, lines,
 * daily sales, customer, products) so that concurrent handlers never wait on each other in a cycle.
 */
@Injectable()
export class OrderProjection {
  constructor(private readonly pseudonyms: Pseudonymizer) {}

  async placed(manager: EntityManager, tables: ProjectionTables, order: OrderPlaced): Promise<void> {
    const mark = await markOrder(manager, tables, order.orderId, 'placed');
    if (!mark) return;
    const day = utcDay(order.placedAt);
    await recordOrderLines(manager, tables, order, day);
    await addToDailySales(manager, tables, {
      day,
      currency: order.currency,
      orders: 1,
      revenue: order.total,
      cancelledOrders: 0,
      cancelledRevenue: 0,
    });
    const pseudonym = this.pseudonyms.of(order.customerId);
    await addCustomerOrders(manager, tables, { pseudonym, currency: order.currency, orders: 1, revenue: order.total });
    // Already cancelled: its lines would be taken out again at once.
    if (!mark.otherFactKnown) await applyOrderLinesToProductSales(manager, tables, order.orderId, 1);
  }

  /** A cancellation counts on the day the order was placed; the event repeats what it needs. */
  async cancelled(manager: EntityManager, tables: ProjectionTables, order: OrderCancelled): Promise<void> {
    const mark = await markOrder(manager, tables, order.orderId, 'cancelled');
    if (!mark) return;
    await addToDailySales(manager, tables, {
      day: utcDay(order.placedAt),
      currency: order.currency,
      orders: 0,
      revenue: 0,
      cancelledOrders: 1,
      cancelledRevenue: order.total,
    });
    const pseudonym = this.pseudonyms.of(order.customerId);
    await addCustomerOrders(manager, tables, { pseudonym, currency: order.currency, orders: -1, revenue: -order.total });
    if (mark.otherFactKnown) await applyOrderLinesToProductSales(manager, tables, order.orderId, -1);
  }
}
