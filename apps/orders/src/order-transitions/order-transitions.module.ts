import { Module } from '@nestjs/common';

import { OrderEventsModule } from '../order-events/order-events.module';
import { OrderTransitionsController } from './order-transitions.controller';
import { OrderTransitionsService } from './order-transitions.service';

@Module({
  imports: [OrderEventsModule],
  controllers: [OrderTransitionsController],
  providers: [OrderTransitionsService],
})
export class OrderTransitionsModule {}
