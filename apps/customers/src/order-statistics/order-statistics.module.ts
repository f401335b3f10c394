import { Module } from '@nestjs/common';

import { CustomersStoreModule } from '../store/customers-store.module';
import { OrderStatisticsService } from './order-statistics.service';

@Module({
  imports: [CustomersStoreModule],
  providers: [OrderStatisticsService],
})
export class OrderStatisticsModule {}
