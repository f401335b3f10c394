import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrderEntity } from '../orders/order.entity';
import { OrderQueriesController } from './order-queries.controller';
import { OrderQueriesService } from './order-queries.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrderEntity])],
  controllers: [OrderQueriesController],
  providers: [OrderQueriesService],
})
export class OrderQueriesModule {}
