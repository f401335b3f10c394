import { StreamContext } from '@mesh/messaging';
import {
  type OrderCancelled,
  orderCancelled,
  type OrderPlaced,
  orderPlaced,
  type OrderShipped,
  orderShipped,
} from '@mesh/orders-contracts';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { OrderStatisticsService } from './order-statistics.service';

/** The orders' events this domain listens to (consumer group `customers`). */
@Controller()
export class OrderEventsStreamController {
  constructor(private readonly statistics: OrderStatisticsService) {}

  @EventPattern(orderPlaced.type)
  async onOrderPlaced(@Payload() order: OrderPlaced, @Ctx() context: StreamContext): Promise<void> {
    const { orderId, customerId, currency, total } = order;
    await this.statistics.apply({ kind: 'placed', orderId, customerId, currency, total }, context.getEnvelope());
  }

  @EventPattern(orderCancelled.type)
  async onOrderCancelled(@Payload() order: OrderCancelled, @Ctx() context: StreamContext): Promise<void> {
    const { orderId, customerId, currency, total } = order;
    await this.statistics.apply({ kind: 'cancelled', orderId, customerId, currency, total }, context.getEnvelope());
  }

  /** A shipped order can no longer be cancelled: its fact ends, and is dropped in time. */
  @EventPattern(orderShipped.type)
  async onOrderShipped(@Payload() order: OrderShipped, @Ctx() context: StreamContext): Promise<void> {
    const { orderId, customerId } = order;
    await this.statistics.apply({ kind: 'shipped', orderId, customerId }, context.getEnvelope());
  }
}
