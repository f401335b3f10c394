import { currencyCode } from '@mesh/contract-kit';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { checkDateRange, dateRangeFields } from '../../date-range/date-range';

export const dailySalesQuery = z
  .object({ ...dateRangeFields, currency: currencyCode.optional() })
  .superRefine(checkDateRange);

/** `GET /sales/daily?from&to&currency`: at most 366 days, the last 30 by default. */
export class DailySalesQuery extends createZodDto(dailySalesQuery) {}
