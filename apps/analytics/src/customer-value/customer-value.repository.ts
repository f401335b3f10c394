import type { CustomerValueResponse } from '@mesh/analytics-contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { LIVE_TABLES } from '../projections/projection-tables';

interface CustomerValueRow {
  country: string | null;
  tier: CustomerValueResponse['tier'] | null;
  order_count: number;
  revenue: Record<string, number>;
}

/** Reads one customer's value; one statement, so value and revenue come from the same snapshot. */
@Injectable()
export class CustomerValueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(pseudonym: string): Promise<CustomerValueResponse | undefined> {
    const rows: CustomerValueRow[] = await this.dataSource.query(
      `SELECT v.country, v.tier, v.order_count,
         COALESCE((SELECT json_object_agg(r.currency, r.revenue ORDER BY r.currency)
                   FROM ${LIVE_TABLES.customerRevenue} r
                   WHERE r.customer_pseudonym = v.customer_pseudonym), '{}'::json) AS revenue
       FROM ${LIVE_TABLES.customerValue} v
       WHERE v.customer_pseudonym = $1`,
      [pseudonym],
    );
    if (rows.length === 0) return undefined;
    const [row] = rows;
    return {
      pseudonymousId: pseudonym,
      country: row.country,
      // Customers start at bronze; the customers domain reports only changes of tier.
      tier: row.tier ?? 'bronze',
      orderCount: row.order_count,
      revenue: row.revenue,
    };
  }
}
