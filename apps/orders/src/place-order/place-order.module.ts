import { Module } from '@nestjs/common';

import { ExpiredIdempotencyKeys } from '../idempotency/expired-idempotency-keys';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { OrderEventsModule } from '../order-events/order-events.module';
import { PlaceOrderController } from './place-order.controller';
import { PlaceOrderService } from './place-order.service';

@Module({
  imports: [OrderEventsModule],
  controllers: [PlaceOrderController],
  providers: [PlaceOrderService, IdempotencyKeys, ExpiredIdempotencyKeys],
})
export class PlaceOrderModule {}
