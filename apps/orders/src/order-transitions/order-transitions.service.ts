import type { EventEnvelope } from '@mesh/contract-kit';
import type { OrderResponse } from '@mesh/orders-contracts';
import { ConflictError, NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import type { Order } from '../orders/order';
import { orderCancelledEvent, orderShippedEvent } from '../orders/order-event-envelopes';
import { toOrderResponse } from '../orders/order-response';
import { OrderStore } from '../orders/order-store';
import { CANCEL, type OrderTransition, refusedTransitionMessage, SHIP } from '../orders/order-transition';

@Injectable()
export class OrderTransitionsService {
  constructor(private readonly orders: OrderStore) {}

  cancel(orderId: string, reason?: string): Promise<OrderResponse> {
    return this.transition(orderId, CANCEL, (order) => orderCancelledEvent(order, reason));
  }

  ship(orderId: string): Promise<OrderResponse> {
    return this.transition(orderId, SHIP, orderShippedEvent);
  }

  /** The status change and its event commit together, or neither does. */
  private async transition(
    orderId: string,
    transition: OrderTransition,
    event: (order: Order) => EventEnvelope,
  ): Promise<OrderResponse> {
    const attempt = await this.orders.transition(orderId, transition, event);
    if (!attempt) throw new NotFoundError(`order ${orderId} not found`);
    if (!attempt.transitioned) {
      throw new ConflictError(refusedTransitionMessage(orderId, attempt.order.status, transition));
    }
    return toOrderResponse(attempt.order);
  }
}
