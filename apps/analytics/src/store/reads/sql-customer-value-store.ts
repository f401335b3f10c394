import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { StoredCustomerValue } from '../../customer-value/customer-value';
import { CustomerValueStore } from '../../customer-value/customer-value-store';
import { LIVE_TABLES } from '../projection-tables';

interface CustomerValueRow {
  country: string | null;
  tier: StoredCustomerValue['tier'];
  order_count: number;
  revenue: Record<string, number>;
}

/** Reads one customer's value from the live tables; one statement, so value and revenue come from the same snapshot. */
@Injectable()
export class SqlCustomerValueStore extends CustomerValueStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async find(pseudonym: string): Promise<StoredCustomerValue | undefined> {
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
    return { country: row.country, tier: row.tier, orderCount: row.order_count, revenue: row.revenue };
  }
}
