import { Module } from '@nestjs/common';

import { CustomerStoreModule } from '../store/customer-store.module';
import { OrderStatisticsService } from './order-statistics.service';

@Module({
  imports: [CustomerStoreModule],
  providers: [OrderStatisticsService],
})
export class OrderStatisticsModule {}
