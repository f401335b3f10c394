import { customersProduct } from '@mesh/customers-contracts';
import { eventBusReadiness, redisConfig } from '@mesh/messaging';
import { mongooseDataProductStatus } from '@mesh/messaging/mongoose';
import { mongooseReadiness, ServiceModule } from '@mesh/service';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { customersMongodb, type CustomersMongodbConfig } from './config/customers-mongodb.config';
import { loyaltyTiers } from './config/loyalty-tiers.config';
import { orderFacts } from './config/order-facts.config';
import { DeactivateCustomerModule } from './deactivate-customer/deactivate-customer.module';
import { FindCustomersModule } from './find-customers/find-customers.module';
import { OrderStatisticsModule } from './order-statistics/order-statistics.module';
import { RegisterCustomerModule } from './register-customer/register-customer.module';
import { UpdateCustomerModule } from './update-customer/update-customer.module';

/** The customers domain: its customers in MongoDB, their API, their events, and order statistics. */
@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'customers',
      defaultPort: 3002,
      config: [customersMongodb, redisConfig, loyaltyTiers, orderFacts],
      readiness: [mongooseReadiness(), eventBusReadiness()],
      dataProduct: { product: customersProduct, status: mongooseDataProductStatus() },
    }),
    MongooseModule.forRootAsync({
      inject: [customersMongodb.KEY],
      useFactory: (mongodb: CustomersMongodbConfig) => ({
        uri: mongodb.url,
        // CustomerIndexes builds the indexes before requests are taken, instead of in the background.
        autoIndex: false,
        // FerretDB (SQLite) answers many concurrent writes with "database is locked"; a small pool keeps the queue short.
        maxPoolSize: 10,
        serverSelectionTimeoutMS: 5_000,
        retryAttempts: 3,
      }),
    }),
    RegisterCustomerModule,
    FindCustomersModule,
    UpdateCustomerModule,
    DeactivateCustomerModule,
    OrderStatisticsModule,
  ],
})
export class CustomersAppModule {}
