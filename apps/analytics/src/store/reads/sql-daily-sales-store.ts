import type { DailySales } from '@mesh/analytics-contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DateRange } from '../../date-range/date-range';
import { DailySalesStore } from '../../sales/daily-sales-store';
import { selectDailySales } from './daily-sales.sql';

/** Reads the live daily sales table. */
@Injectable()
export class SqlDailySalesStore extends DailySalesStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  find(range: DateRange, currency: string | undefined): Promise<DailySales[]> {
    return selectDailySales(this.dataSource, range, currency);
  }
}
