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

/** One page of `GET /orders`, newest first. */
export const orderPage = z.object({
  items: z.array(orderResponse),
  total: z.int().nonnegative(),
  page: z.int().min(1),
  limit: z.int().min(1),
});
export type OrderPage = z.infer<typeof orderPage>;
