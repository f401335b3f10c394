import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormOutbox } from '@mesh/messaging/typeorm';
import type { OrderResponse } from '@mesh/orders-contracts';
import { ConflictError, NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { orderCancelledEvent, orderShippedEvent } from '../order-events/order-event-envelopes';
import { OrderEntity } from '../orders/order.entity';
import { toOrderResponse } from '../orders/order-response';
import { CANCEL, type OrderTransition, refusedTransitionMessage, SHIP, TRANSITIONS_FROM } from './order-transition';

@Injectable()
export class OrderTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: TypeormOutbox,
  ) {}

  cancel(orderId: string, reason?: string): Promise<OrderResponse> {
    return this.transition(orderId, CANCEL, (order) => orderCancelledEvent(order, reason));
  }

  ship(orderId: string): Promise<OrderResponse> {
    return this.transition(orderId, SHIP, orderShippedEvent);
  }

  /** The status change and its event commit together, or neither does. */
  private transition(
    orderId: string,
    transition: OrderTransition,
    event: (order: OrderEntity) => EventEnvelope,
  ): Promise<OrderResponse> {
    return this.dataSource.transaction(async (manager) => {
      // Conditional on the status: of two concurrent transitions, the second waits for the
      // first's row lock, then finds the status changed and updates nothing.
      const { affected } = await manager.update(
        OrderEntity,
        { id: orderId, status: TRANSITIONS_FROM },
        { status: transition.to, [transition.timeField]: new Date() },
      );
      const order = await manager.findOne(OrderEntity, { where: { id: orderId }, relations: { lines: true } });
      if (!order) throw new NotFoundError(`order ${orderId} not found`);
      if (affected !== 1) throw new ConflictError(refusedTransitionMessage(orderId, order.status, transition));
      await this.outbox.add(manager, [event(order)]);
      return toOrderResponse(order);
    });
  }
}
