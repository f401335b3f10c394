import type { TopProduct } from '@mesh/analytics-contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DateRange } from '../date-range/date-range';
import { LIVE_TABLES } from '../projections/projection-tables';

/**
 * Ranks products by units sold over a range, net of cancellations; a product whose units were
 * all cancelled is not ranked, and a currency appears only where units remain.
 */
@Injectable()
export class TopProductsRepository {
  constructor(private readonly dataSource: DataSource) {}

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
