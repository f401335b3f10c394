import { z } from 'zod';

import { currencyCode, MAX_ORDER_LINES, orderLine } from '../events/order-values';

/** Body of `POST /orders`. Unknown fields are refused. */
export const placeOrderRequest = z.strictObject({
  customerId: z.uuid(),
  currency: currencyCode,
  items: z.array(orderLine.strict()).min(1).max(MAX_ORDER_LINES),
});

export type PlaceOrderRequest = z.infer<typeof placeOrderRequest>;
