import type { DailySales } from '@mesh/analytics-contracts';

import type { DateRange } from '../date-range/date-range';

/**
 * The daily sales projection as the API reads it. An abstract class so that it doubles as the DI
 * token; the store module binds it to the SQL implementation.
 */
export abstract class DailySalesStore {
  /** The days of a range that have sales, in day then currency order, optionally in one currency. */
  abstract find(range: DateRange, currency: string | undefined): Promise<DailySales[]>;
}
