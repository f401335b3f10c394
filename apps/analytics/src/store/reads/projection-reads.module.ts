import { Module } from '@nestjs/common';

import { CustomerValueStore } from '../../customer-value/customer-value-store';
import { DailySalesStore } from '../../sales/daily-sales-store';
import { TopProductsStore } from '../../top-products/top-products-store';
import { SqlCustomerValueStore } from './sql-customer-value-store';
import { SqlDailySalesStore } from './sql-daily-sales-store';
import { SqlTopProductsStore } from './sql-top-products-store';

/** The live projection tables as the product APIs read them. */
@Module({
  providers: [
    { provide: DailySalesStore, useClass: SqlDailySalesStore },
    { provide: CustomerValueStore, useClass: SqlCustomerValueStore },
    { provide: TopProductsStore, useClass: SqlTopProductsStore },
  ],
  exports: [DailySalesStore, CustomerValueStore, TopProductsStore],
})
export class ProjectionReadsModule {}
