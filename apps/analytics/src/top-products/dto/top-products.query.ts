import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { checkDateRange, dateRangeFields } from '../../date-range/date-range';

export const DEFAULT_TOP_PRODUCTS = 10;
export const MAX_TOP_PRODUCTS = 100;

export const topProductsQuery = z
  .object({
    ...dateRangeFields,
    limit: z.coerce.number().int().min(1).max(MAX_TOP_PRODUCTS).optional(),
  })
  .superRefine(checkDateRange);

/** `GET /products/top?limit&from&to`: limit 1–100 (10), at most 366 days, the last 30 by default. */
export class TopProductsQuery extends createZodDto(topProductsQuery) {}
