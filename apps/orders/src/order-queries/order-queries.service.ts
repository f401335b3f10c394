import type { ListOrdersQuery, OrderPage, OrderResponse } from '@mesh/orders-contracts';
import { NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import { toOrderResponse } from '../orders/order-response';
import { OrderStore } from '../orders/order-store';

@Injectable()
export class OrderQueriesService {
  constructor(private readonly orders: OrderStore) {}

  async get(orderId: string): Promise<OrderResponse> {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    return toOrderResponse(order);
  }

  /** Newest first; ids (UUIDv7) break ties between orders placed in the same millisecond. */
  async list(query: ListOrdersQuery): Promise<OrderPage> {
    const { orders, total } = await this.orders.findNewestFirst(
      { customerId: query.customerId, status: query.status },
      (query.page - 1) * query.limit,
      query.limit,
    );
    return { items: orders.map(toOrderResponse), total, page: query.page, limit: query.limit };
  }
}
