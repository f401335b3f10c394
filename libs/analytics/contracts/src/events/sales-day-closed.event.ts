import { currencyCode, defineEvent, type EventData, minorUnits } from '@mesh/contract-kit';
import { z } from 'zod';

const count = z.int().nonnegative();

export const salesDayClosed = defineEvent({
  type: 'analytics.sales.day-closed',
  version: 1,
  source: '/analytics',
  description:
    'The sales of a finished UTC day, per currency, as analytics had applied them when it closed the day. ' +
    'Published once per day and currency.',
  schema: z.object({
    day: z.iso.date(),
    currency: currencyCode,
    orders: count,
    revenue: minorUnits,
    cancelledOrders: count,
    cancelledRevenue: minorUnits,
    closedAt: z.iso.datetime(),
  }),
  example: {
    day: '2026-11-27',
    currency: 'EUR',
    orders: 42,
    revenue: 125_000,
    cancelledOrders: 3,
    cancelledRevenue: 7_500,
    closedAt: '2026-11-28T01:00:00.000Z',
  },
});

export type SalesDayClosed = EventData<typeof salesDayClosed>;
