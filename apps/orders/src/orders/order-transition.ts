import type { OrderStatus } from '@mesh/orders-contracts';

/** Cancel and ship: both allowed only from `placed`, each stamping its own time. */
export interface OrderTransition {
  to: Extract<OrderStatus, 'cancelled' | 'shipped'>;
  timeField: 'cancelledAt' | 'shippedAt';
}

export const CANCEL: OrderTransition = { to: 'cancelled', timeField: 'cancelledAt' };
export const SHIP: OrderTransition = { to: 'shipped', timeField: 'shippedAt' };

/** The only status an order can leave. */
export const TRANSITIONS_FROM: OrderStatus = 'placed';

/** The 409 message when the order is in another status. */
export function refusedTransitionMessage(orderId: string, current: OrderStatus, transition: OrderTransition): string {
  return `order ${orderId} is ${current}; only a ${TRANSITIONS_FROM} order can be ${transition.to}`;
}
