import type { ListOrdersQuery, OrderPage, OrderResponse } from '@mesh/orders-contracts';
import { NotFoundError, RequestValidationException } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import { toOrderResponse } from '../orders/order-response';
import { type OrderPosition, OrderStore } from '../orders/order-store';

@Injectable()
export class OrderQueriesService {
  constructor(private readonly orders: OrderStore) {}

  async get(orderId: string): Promise<OrderResponse> {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    return toOrderResponse(order);
  }

  /**
   * Newest first; ids (UUIDv7) break ties between orders placed in the same millisecond. One order
   * more than the page is read, to tell whether another page follows. Only the first page counts
   * the matching orders: a client paging through them needs the total once.
   */
  async list(query: ListOrdersQuery): Promise<OrderPage> {
    const { customerId, status, page, limit } = query;
    const filter = { customerId, status };
    const after = query.after === undefined ? undefined : await this.positionOf(query.after);
    const [orders, total] = await Promise.all([
      this.orders.findNewestFirst(filter, { after, offset: after ? 0 : (page - 1) * limit, limit: limit + 1 }),
      after === undefined && page === 1 ? this.orders.count(filter) : undefined,
    ]);
    const items = orders.slice(0, limit).map(toOrderResponse);
    const hasMore = orders.length > limit;
    return {
      items,
      ...(total !== undefined && { total }),
      ...(after === undefined && { page }),
      limit,
      hasMore,
      ...(hasMore && { next: items[items.length - 1].id }),
    };
  }

  private async positionOf(orderId: string): Promise<OrderPosition> {
    const position = await this.orders.positionOf(orderId);
    if (!position) throw new RequestValidationException([{ path: 'after', message: `no order has the id ${orderId}` }]);
    return position;
  }
}
