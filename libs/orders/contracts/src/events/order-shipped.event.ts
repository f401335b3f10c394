import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

export const orderShipped = defineEvent({
  type: 'orders.order.shipped',
  version: 1,
  source: '/orders',
  description: 'A placed order left the warehouse.',
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    placedAt: z.iso.datetime(),
    shippedAt: z.iso.datetime(),
  }),
  example: {
    orderId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a',
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    placedAt: '2026-11-28T09:30:00.000Z',
    shippedAt: '2026-11-29T08:00:00.000Z',
  },
});

export type OrderShipped = EventData<typeof orderShipped>;
