import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

import { currencyCode, MAX_ORDER_LINES, minorUnits, orderLine } from './order-values';

export const orderPlaced = defineEvent({
  type: 'orders.order.placed',
  version: 1,
  source: '/orders',
  description: 'A customer placed an order; it carries every line and the total in minor units.',
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    currency: currencyCode,
    lines: z.array(orderLine).min(1).max(MAX_ORDER_LINES),
    total: minorUnits,
    placedAt: z.iso.datetime(),
  }),
  example: {
    orderId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a',
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    currency: 'EUR',
    lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }],
    total: 2500,
    placedAt: '2026-11-28T09:30:00.000Z',
  },
});

export type OrderPlaced = EventData<typeof orderPlaced>;
