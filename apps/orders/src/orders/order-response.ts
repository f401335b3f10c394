import type { OrderResponse } from '@mesh/orders-contracts';

import type { Order } from './order';

/** The API view of an order; `order.lines` must be loaded. */
export function toOrderResponse(order: Order): OrderResponse {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    currency: order.currency,
    items: [...order.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice, lineTotal })),
    total: order.total,
    placedAt: order.placedAt.toISOString(),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    shippedAt: order.shippedAt?.toISOString() ?? null,
  };
}
