import { defineConsumer } from '@mesh/messaging';
import { orderCancelled, orderEvents, orderPlaced, orderShipped } from '@mesh/orders-contracts';

import type { OrderStatisticsService } from './order-statistics.service';

/**
 * The orders' events this domain counts, with the group every replica joins. Events of one order
 * are handled in stream order; a new group starts from the beginning of the retained history, so
 * that a fresh customers service counts the orders placed before it.
 */
export const orderEventsConsumer = defineConsumer<OrderStatisticsService>(
  { group: 'customers', reads: orderEvents, startFrom: 'beginning', orderBySubject: true },
  (on) => [
    on(orderPlaced, (statistics, { orderId, customerId, currency, total }, event) =>
      statistics.apply({ kind: 'placed', orderId, customerId, currency, total }, event),
    ),
    on(orderCancelled, (statistics, { orderId, customerId, currency, total }, event) =>
      statistics.apply({ kind: 'cancelled', orderId, customerId, currency, total }, event),
    ),
    // A shipped order can no longer be cancelled: its fact ends, and is dropped in time.
    on(orderShipped, (statistics, { orderId, customerId }, event) =>
      statistics.apply({ kind: 'shipped', orderId, customerId }, event),
    ),
  ],
);
