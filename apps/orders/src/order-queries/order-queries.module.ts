import { Module } from '@nestjs/common';

import { OrderStoreModule } from '../store/order-store.module';
import { OrderQueriesController } from './order-queries.controller';
import { OrderQueriesService } from './order-queries.service';

@Module({
  imports: [OrderStoreModule],
  controllers: [OrderQueriesController],
  providers: [OrderQueriesService],
})
export class OrderQueriesModule {}
