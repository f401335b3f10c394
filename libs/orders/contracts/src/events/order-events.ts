import type { EventContract } from '@mesh/contract-kit';

import { orderCancelled } from './order-cancelled.event';
import { orderPlaced } from './order-placed.event';
import { orderShipped } from './order-shipped.event';

/** The output port `orders.order.v1`: every event type it carries. */
export const ORDER_STREAM = orderPlaced.stream;

/** Every contract the orders domain publishes; consumers pass these to their transport. */
export const orderEvents: EventContract[] = [orderPlaced, orderCancelled, orderShipped];
