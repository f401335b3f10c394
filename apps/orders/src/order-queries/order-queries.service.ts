import type { ListOrdersQuery, OrderPage, OrderResponse } from '@mesh/orders-contracts';
import { NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';

import { OrderEntity } from '../orders/order.entity';
import { toOrderResponse } from '../orders/order-response';

@Injectable()
export class OrderQueriesService {
  constructor(@InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>) {}

  async get(orderId: string): Promise<OrderResponse> {
    const order = await this.orders.findOne({ where: { id: orderId }, relations: { lines: true } });
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    return toOrderResponse(order);
  }

  /** Newest first; ids (UUIDv7) break ties between orders placed in the same millisecond. */
  async list(query: ListOrdersQuery): Promise<OrderPage> {
    const where: FindOptionsWhere<OrderEntity> = {};
    if (query.customerId !== undefined) where.customerId = query.customerId;
    if (query.status !== undefined) where.status = query.status;
    const [orders, total] = await this.orders.findAndCount({
      where,
      relations: { lines: true },
      order: { placedAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: orders.map(toOrderResponse), total, page: query.page, limit: query.limit };
  }
}
