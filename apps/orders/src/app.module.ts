import { eventBusReadiness, redisConfig } from '@mesh/messaging';
import { typeormDataProductStatus } from '@mesh/messaging/typeorm';
import { ordersProduct } from '@mesh/orders-contracts';
import { ServiceModule, typeOrmReadiness } from '@mesh/service';
import { Module } from '@nestjs/common';

import { idempotencyConfig } from './config/idempotency.config';
import { ordersDatabase } from './config/orders-database.config';
import { CustomerReplicaModule } from './customer-replica/customer-replica.module';
import { ordersTypeOrmModule } from './database/orders-typeorm.module';
import { OrderQueriesModule } from './order-queries/order-queries.module';
import { OrderTransitionsModule } from './order-transitions/order-transitions.module';
import { orderQualitySamples } from './orders/order-quality-samples';
import { PlaceOrderModule } from './place-order/place-order.module';

/** The orders domain: PostgreSQL through TypeORM, events through the outbox, a customer replica. */
@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'orders',
      config: [ordersDatabase, idempotencyConfig, redisConfig],
      readiness: [typeOrmReadiness(), eventBusReadiness()],
      dataProduct: { product: ordersProduct, status: typeormDataProductStatus(), qualityResources: orderQualitySamples },
    }),
    ordersTypeOrmModule,
    PlaceOrderModule,
    OrderTransitionsModule,
    OrderQueriesModule,
    CustomerReplicaModule,
  ],
})
export class OrdersModule {}
