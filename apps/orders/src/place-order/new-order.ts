import type { PlaceOrderRequest } from '@mesh/orders-contracts';
import { v7 as uuidv7 } from 'uuid';

import { OrderEntity } from '../orders/order.entity';
import { OrderLineEntity } from '../orders/order-line.entity';

/** A placed order built from a valid request: lines numbered from 1, priced, and totalled. */
export function newOrder(request: PlaceOrderRequest, placedAt = new Date()): OrderEntity {
  const order = Object.assign(new OrderEntity(), {
    id: uuidv7(),
    customerId: request.customerId,
    status: 'placed',
    currency: request.currency,
    placedAt,
    cancelledAt: null,
    shippedAt: null,
  });
  order.lines = request.items.map((item, index) =>
    Object.assign(new OrderLineEntity(), {
      orderId: order.id,
      lineNo: index + 1,
      sku: item.sku,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      lineTotal: item.quantity * item.unitPrice,
    }),
  );
  order.total = order.lines.reduce((sum, line) => sum + line.lineTotal, 0);
  return order;
}
