import { TypeormOutbox } from '@mesh/messaging/typeorm';
import type { OrderResponse, PlaceOrderRequest } from '@mesh/orders-contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { assertActiveCustomer } from '../customer-replica/assert-active-customer';
import { IdempotencyKeys, requestInFlight } from '../idempotency/idempotency-keys';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { orderPlacedEvent } from '../order-events/order-event-envelopes';
import { OrderEntity } from '../orders/order.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { toOrderResponse } from '../orders/order-response';
import { newOrder } from './new-order';

export interface PlacedOrder {
  order: OrderResponse;
  /** The first response to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

@Injectable()
export class PlaceOrderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: TypeormOutbox,
    private readonly idempotencyKeys: IdempotencyKeys,
  ) {}

  /** Places an order, or with a key used before, answers what the first request got. */
  async place(request: PlaceOrderRequest, idempotencyKey?: string): Promise<PlacedOrder> {
    if (idempotencyKey === undefined) return this.dataSource.transaction((manager) => this.insert(manager, request));
    const requestHash = requestFingerprint(request);
    const earlier = await this.idempotencyKeys.previousResponse(this.dataSource.manager, idempotencyKey, requestHash);
    if (earlier) return { order: earlier, replayed: true };
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.idempotencyKeys.claim(manager, idempotencyKey, requestHash))) {
        // A concurrent request with this key committed while the claim waited: answer as it did.
        const winner = await this.idempotencyKeys.previousResponse(manager, idempotencyKey, requestHash);
        if (!winner) throw requestInFlight(idempotencyKey);
        return { order: winner, replayed: true };
      }
      const placed = await this.insert(manager, request);
      await this.idempotencyKeys.complete(manager, idempotencyKey, placed.order);
      return placed;
    });
  }

  /** The order, its lines and its `orders.order.placed` event, all in the caller's transaction. */
  private async insert(manager: EntityManager, request: PlaceOrderRequest): Promise<PlacedOrder> {
    await assertActiveCustomer(manager, request.customerId);
    const order = newOrder(request);
    const { lines, ...columns } = order;
    await manager.insert(OrderEntity, columns);
    await manager.insert(OrderLineEntity, lines);
    await this.outbox.add(manager, [orderPlacedEvent(order)]);
    return { order: toOrderResponse(order), replayed: false };
  }
}
