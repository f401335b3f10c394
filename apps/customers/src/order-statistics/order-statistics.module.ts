import { Module } from '@nestjs/common';

import { CustomersStoreModule } from '../store/customers-store.module';
import { OrderEventsStreamController } from './order-events-stream.controller';
import { OrderStatisticsService } from './order-statistics.service';

@Module({
  imports: [CustomersStoreModule],
  controllers: [OrderEventsStreamController],
  providers: [OrderStatisticsService],
})
export class OrderStatisticsModule {}
