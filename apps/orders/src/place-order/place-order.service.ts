import type { OrderResponse, PlaceOrderRequest } from '@mesh/orders-contracts';
import { Injectable } from '@nestjs/common';

import { assertActiveCustomer } from '../customer-replica/customer-replica';
import { earlierResponse, requestInFlight } from '../idempotency/idempotency-key';
import { IdempotencyKeyStore } from '../idempotency/idempotency-key-store';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { newOrder } from '../orders/order';
import { toOrderResponse } from '../orders/order-response';
import { OrderStore } from '../orders/order-store';

export interface PlacedOrder {
  order: OrderResponse;
  /** The first response to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

@Injectable()
export class PlaceOrderService {
  constructor(
    private readonly orders: OrderStore,
    private readonly idempotencyKeys: IdempotencyKeyStore,
  ) {}

  /** Places an order, or with a key used before, answers what the first request got. */
  async place(request: PlaceOrderRequest, idempotencyKey?: string): Promise<PlacedOrder> {
    if (idempotencyKey === undefined) {
      const order = newOrder(request);
      await this.orders.place(order, assertActiveCustomer);
      return { order: toOrderResponse(order), replayed: false };
    }
    const requestHash = requestFingerprint(request);
    const earlier = await this.idempotencyKeys.find(idempotencyKey);
    if (earlier) return { order: earlierResponse(earlier, requestHash), replayed: true };
    const order = newOrder(request);
    const key = { key: idempotencyKey, requestHash, response: toOrderResponse(order) };
    const placement = await this.orders.place(order, assertActiveCustomer, key);
    if (placement.placed) return { order: key.response, replayed: false };
    // A concurrent request with this key committed while the claim waited: answer as it did.
    if (!placement.keyHolder) throw requestInFlight(idempotencyKey);
    return { order: earlierResponse(placement.keyHolder, requestHash), replayed: true };
  }
}
