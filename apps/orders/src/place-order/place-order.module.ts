import { Module } from '@nestjs/common';

import { ExpiredIdempotencyKeys } from '../idempotency/expired-idempotency-keys';
import { IdempotencyKeyStoreModule } from '../store/idempotency-key-store.module';
import { OrderStoreModule } from '../store/order-store.module';
import { PlaceOrderController } from './place-order.controller';
import { PlaceOrderService } from './place-order.service';

@Module({
  imports: [OrderStoreModule, IdempotencyKeyStoreModule],
  controllers: [PlaceOrderController],
  providers: [PlaceOrderService, ExpiredIdempotencyKeys],
})
export class PlaceOrderModule {}
