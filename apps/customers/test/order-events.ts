import { createEvent, EventCatalog, type EventEnvelope } from '@mesh/contract-kit';
import { EventPublisher, readGroups, streamKeys } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import {
  ORDER_STREAM,
  orderCancelled,
  orderEvents,
  type OrderPlaced,
  orderPlaced,
  orderShipped,
} from '@mesh/orders-contracts';
import type { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';

import { orderEventsConsumer } from '../src/order-statistics/order-events.consumer';

/** Plays the orders domain: publishes its events on `orders.order.v1` as its relay would. */
export class OrdersStream {
  private readonly publisher: EventPublisher;

  constructor(private readonly redis: Redis) {
    this.publisher = new EventPublisher(redis, new EventCatalog(orderEvents));
  }

  /** A new placement of one line; `total` in minor units. */
  placed(customerId: string, total: number, currency = 'EUR'): EventEnvelope<OrderPlaced> {
    const orderId = uuidv7();
    return createEvent(orderPlaced, {
      subject: orderId,
      data: {
        orderId,
        customerId,
        currency,
        lines: [{ sku: 'BOOK-1', quantity: 1, unitPrice: total }],
        total,
        placedAt: new Date().toISOString(),
      },
    });
  }

  /** The cancellation of a placed order. */
  cancelled(placed: EventEnvelope<OrderPlaced>): EventEnvelope {
    const { orderId, customerId, currency, total, placedAt } = placed.data;
    return createEvent(orderCancelled, {
      subject: orderId,
      data: { orderId, customerId, currency, total, placedAt, cancelledAt: new Date().toISOString() },
    });
  }

  /** The shipment of a placed order. */
  shipped(placed: EventEnvelope<OrderPlaced>): EventEnvelope {
    const { orderId, customerId, placedAt } = placed.data;
    return createEvent(orderShipped, {
      subject: orderId,
      data: { orderId, customerId, placedAt, shippedAt: new Date().toISOString() },
    });
  }

  /** Publishes the events in order (the same envelope twice is two deliveries of one event). */
  async publish(...events: EventEnvelope[]): Promise<void> {
    await this.publisher.publishBatch(events);
  }

  /** Waits until the customers group has handled and acknowledged every entry of the stream. */
  async handled(): Promise<void> {
    await eventually(
      'the customers group to handle every order event',
      async () => {
        const groups = await readGroups(this.redis, streamKeys.source(ORDER_STREAM));
        const group = groups.find((candidate) => candidate.name === orderEventsConsumer.group);
        return group !== undefined && group.lag === 0 && group.pending === 0;
      },
      20_000,
    );
  }
}
