import type { TopProduct } from '@mesh/analytics-contracts';

import type { DateRange } from '../date-range/date-range';

/**
 * The product sales projection as the API reads it. An abstract class so that it doubles as the
 * DI token; the store module binds it to the SQL implementation.
 */
export abstract class TopProductsStore {
  /**
   * The `limit` products with the most units sold over a range, net of cancellations, then by sku;
   * a product whose units were all cancelled is not ranked, and a currency appears only where
   * units remain.
   */
  abstract find(range: DateRange, limit: number): Promise<TopProduct[]>;
}
