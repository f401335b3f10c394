import { z } from 'zod';

import { currencyCode, minorUnits, orderLine } from '../events/order-values';

export const orderStatus = z.enum(['placed', 'cancelled', 'shipped']);
export type OrderStatus = z.infer<typeof orderStatus>;

export const ORDER_STATUSES: readonly OrderStatus[] = orderStatus.options;

/** One line as the API returns it: what was ordered and quantity × unit price. */
export const orderLineResponse = orderLine.extend({ lineTotal: minorUnits });

/** What the orders API returns for one order. Amounts are in minor units of `currency`. */
export const orderResponse = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  status: orderStatus,
  currency: currencyCode,
  items: z.array(orderLineResponse),
  total: minorUnits,
  placedAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
  shippedAt: z.iso.datetime().nullable(),
});
export type OrderResponse = z.infer<typeof orderResponse>;

/**
 * One page of `GET /orders`, newest first. `total` is counted on the first page only (page 1
 * without `after`): counting every page would read every matching order each time. `next` is the
 * `after` of the following page.
 */
export const orderPage = z.object({
  items: z.array(orderResponse),
  total: z.int().nonnegative().optional().describe('orders matching the filters; on the first page only'),
  page: z.int().min(1).optional().describe('the page asked for; absent on a page asked for with after'),
  limit: z.int().min(1),
  hasMore: z.boolean().describe('whether more orders follow this page'),
  next: z.uuid().optional().describe('the after of the next page; present when hasMore'),
});
export type OrderPage = z.infer<typeof orderPage>;
