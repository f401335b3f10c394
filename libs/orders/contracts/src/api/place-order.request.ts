import { z } from 'zod';

import { currencyCode, MAX_ORDER_LINES, orderLine } from '../events/order-values';

/** Body of `POST /orders`. Unknown fields are refused. */
export const placeOrderRequest = z
  .strictObject({
    customerId: z.uuid(),
    currency: currencyCode,
    items: z.array(orderLine.strict()).min(1).max(MAX_ORDER_LINES),
  })
  // Each amount is exact only while the sum stays a safe integer; past that the total would be wrong.
  .refine(
    (order) => order.items.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) <= Number.MAX_SAFE_INTEGER,
    {
      path: ['items'],
      message: `the order total must not exceed ${Number.MAX_SAFE_INTEGER} minor units`,
    },
  );

export type PlaceOrderRequest = z.infer<typeof placeOrderRequest>;
