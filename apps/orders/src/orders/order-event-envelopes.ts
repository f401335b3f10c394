import { createEvent, type EventContract, type EventEnvelope } from '@mesh/contract-kit';
import {
  type OrderCancelled,
  orderCancelled,
  type OrderPlaced,
  orderPlaced,
  type OrderShipped,
  orderShipped,
} from '@mesh/orders-contracts';

import type { Order } from './order';

/** `orders.order.placed` for a new order; `order.lines` must be loaded. */
export function orderPlacedEvent(order: Order): EventEnvelope<OrderPlaced> {
  const lines = [...order.lines]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
  return orderEvent(orderPlaced, order, order.placedAt, { currency: order.currency, lines, total: order.total });
}

/** `orders.order.cancelled`, with what a consumer needs to reverse the order without keeping it. */
export function orderCancelledEvent(order: Order, reason?: string): EventEnvelope<OrderCancelled> {
  const cancelledAt = requireTime(order.cancelledAt, order, 'cancelled');
  return orderEvent(orderCancelled, order, cancelledAt, {
    currency: order.currency,
    total: order.total,
    cancelledAt: cancelledAt.toISOString(),
    ...(reason === undefined ? {} : { reason }),
  });
}

/** `orders.order.shipped`. */
export function orderShippedEvent(order: Order): EventEnvelope<OrderShipped> {
  const shippedAt = requireTime(order.shippedAt, order, 'shipped');
  return orderEvent(orderShipped, order, shippedAt, { shippedAt: shippedAt.toISOString() });
}

type SharedFields = 'orderId' | 'customerId' | 'placedAt';

/**
 * Every order event has the order id as subject, so that consumers ordering by subject see an
 * order's events in order, the time of the change, and the order's id, customer and placing time.
 */
function orderEvent<TData extends Record<SharedFields, string>>(
  contract: EventContract<TData>,
  order: Order,
  time: Date,
  data: Omit<TData, SharedFields>,
): EventEnvelope<TData> {
  const shared = { orderId: order.id, customerId: order.customerId, placedAt: order.placedAt.toISOString() };
  return createEvent(contract, { subject: order.id, time, data: { ...shared, ...data } as TData });
}

function requireTime(time: Date | null, order: Order, status: string): Date {
  if (time === null) throw new Error(`order ${order.id} has no ${status} time, so it cannot be reported ${status}`);
  return time;
}
