import { newOrder } from './order';
import { orderCancelledEvent, orderPlacedEvent, orderShippedEvent } from './order-event-envelopes';

const placedAt = new Date('2026-11-28T09:30:00.000Z');
const order = newOrder(
  {
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    currency: 'EUR',
    items: [
      { sku: 'BOOK-1', quantity: 2, unitPrice: 1250 },
      { sku: 'PEN', quantity: 1, unitPrice: 99 },
    ],
  },
  placedAt,
);

describe('order event envelopes', () => {
  it('report a placed order with its lines in order, its total, and the order id as subject', () => {
    const event = orderPlacedEvent({ ...order, lines: [...order.lines].reverse() });
    expect(event).toMatchObject({ type: 'orders.order.placed', subject: order.id, time: placedAt.toISOString() });
    expect(event.data).toEqual({
      orderId: order.id,
      customerId: order.customerId,
      currency: 'EUR',
      lines: [
        { sku: 'BOOK-1', quantity: 2, unitPrice: 1250 },
        { sku: 'PEN', quantity: 1, unitPrice: 99 },
      ],
      total: 2599,
      placedAt: placedAt.toISOString(),
    });
  });

  it('carry a cancellation reason only when one was given', () => {
    const cancelledAt = new Date('2026-11-28T10:00:00.000Z');
    const cancelled = { ...order, status: 'cancelled' as const, cancelledAt };
    expect(orderCancelledEvent(cancelled, 'too late').data).toMatchObject({ reason: 'too late', total: 2599 });
    expect(orderCancelledEvent(cancelled).data).not.toHaveProperty('reason');
    expect(orderCancelledEvent(cancelled).time).toBe(cancelledAt.toISOString());
  });

  it('refuse to report a transition the order has no time for', () => {
    expect(() => orderShippedEvent(order)).toThrow(
      `order ${order.id} has no shipped time, so it cannot be reported shipped`,
    );
    expect(() => orderCancelledEvent(order)).toThrow('has no cancelled time');
  });
});
