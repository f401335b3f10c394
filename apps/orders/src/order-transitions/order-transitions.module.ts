import { Module } from '@nestjs/common';

import { OrderStoreModule } from '../store/order-store.module';
import { OrderTransitionsController } from './order-transitions.controller';
import { OrderTransitionsService } from './order-transitions.service';

@Module({
  imports: [OrderStoreModule],
  controllers: [OrderTransitionsController],
  providers: [OrderTransitionsService],
})
export class OrderTransitionsModule {}
