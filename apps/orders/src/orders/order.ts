import type { OrderStatus, PlaceOrderRequest } from '@mesh/orders-contracts';
import { v7 as uuidv7 } from 'uuid';

/** One line of an order, numbered from 1 in the order the client sent them. */
export interface OrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

/** An order as the domain sees it, whichever store keeps it. Amounts are minor units of its currency. */
export interface Order {
  /** UUIDv7, so ids sort by creation time too. */
  id: string;
  customerId: string;
  status: OrderStatus;
  /** ISO 4217 code; every amount of the order is in its minor unit. */
  currency: string;
  total: number;
  placedAt: Date;
  cancelledAt: Date | null;
  shippedAt: Date | null;
  lines: OrderLine[];
}

/** A placed order built from a valid request: lines numbered from 1, priced, and totalled. */
export function newOrder(request: PlaceOrderRequest, placedAt = new Date()): Order {
  const lines = request.items.map((item, index) => ({
    lineNo: index + 1,
    sku: item.sku,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    lineTotal: item.quantity * item.unitPrice,
  }));
  return {
    id: uuidv7(),
    customerId: request.customerId,
    status: 'placed',
    currency: request.currency,
    total: lines.reduce((sum, line) => sum + line.lineTotal, 0),
    placedAt,
    cancelledAt: null,
    shippedAt: null,
    lines,
  };
}
