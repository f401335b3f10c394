import type { TopProduct } from '@mesh/analytics-contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DateRange } from '../../date-range/date-range';
import { TopProductsStore } from '../../top-products/top-products-store';
import { LIVE_TABLES } from '../projection-tables';

/** Ranks products from the live product sales table, summing their days and currencies in PostgreSQL. */
@Injectable()
export class SqlTopProductsStore extends TopProductsStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async find(range: DateRange, limit: number): Promise<TopProduct[]> {
    const rows: Array<{ sku: string; units: string; revenue: Record<string, number> }> = await this.dataSource.query(
      `WITH per_currency AS (
         SELECT sku, currency, SUM(units) AS units, SUM(revenue) AS revenue
         FROM ${LIVE_TABLES.productSales}
         WHERE day BETWEEN $1 AND $2
         GROUP BY sku, currency
       )
       SELECT sku, SUM(units) AS units,
         json_object_agg(currency, revenue ORDER BY currency) FILTER (WHERE units > 0) AS revenue
       FROM per_currency
       GROUP BY sku
       HAVING SUM(units) > 0
       ORDER BY SUM(units) DESC, sku
       LIMIT $3`,
      [range.from, range.to, limit],
    );
    return rows.map((row) => ({ sku: row.sku, units: Number(row.units), revenue: row.revenue }));
  }
}
