import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

import { currencyCode, minorUnits } from './order-values';

export const orderCancelled = defineEvent({
  type: 'orders.order.cancelled',
  version: 1,
  source: '/orders',
  description:
    'A placed order was cancelled. It repeats the customer, currency, total and placing time so that ' +
    'consumers can reverse the order without keeping it.',
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    currency: currencyCode,
    total: minorUnits,
    placedAt: z.iso.datetime(),
    cancelledAt: z.iso.datetime(),
    reason: z.string().max(500).optional(),
  }),
  example: {
    orderId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a',
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    currency: 'EUR',
    total: 2500,
    placedAt: '2026-11-28T09:30:00.000Z',
    cancelledAt: '2026-11-28T10:00:00.000Z',
    reason: 'changed my mind',
  },
});

export type OrderCancelled = EventData<typeof orderCancelled>;
