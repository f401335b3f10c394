import { boundedPage } from '@mesh/contract-kit';
import { z } from 'zod';

import { orderStatus } from './order.response';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * How many orders a page may skip: the database reads every skipped row, so a far page costs as
 * much as all the pages before it. Past it a client follows `next` with `after`, which reads only
 * the page it returns, however deep. One bound for every list of the mesh.
 */
export { MAX_PAGE_OFFSET } from '@mesh/contract-kit';

// Query strings are text: digits only, so that "", "1.5" or "1e3" are refused rather than coerced.
const positiveInteger = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(1).max(max));

/**
 * Query of `GET /orders`: optional filters, a page size, and either a 1-based page (at most
 * MAX_PAGE_OFFSET orders skipped) or `after`, the id of the last order of the previous page (its
 * `next`), for the orders placed before it.
 */
export const listOrdersQuery = z
  .strictObject({
    customerId: z.uuid().optional(),
    status: orderStatus.optional(),
    after: z.uuid().optional(),
    page: positiveInteger(1_000_000).default(1),
    limit: positiveInteger(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .superRefine(boundedPage('orders'));
export type ListOrdersQuery = z.output<typeof listOrdersQuery>;


/** Body of `POST /orders/:id/cancel`; the whole body is optional. */
export const cancelOrderRequest = z.strictObject({
  reason: z.string().trim().min(1).max(500).optional(),
});
export type CancelOrderRequest = z.infer<typeof cancelOrderRequest>;
