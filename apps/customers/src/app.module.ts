import { customersProduct } from '@mesh/customers-contracts';
import { eventBusReadiness, redisConfig } from '@mesh/messaging';
import { mongooseDataProductStatus } from '@mesh/messaging/mongoose';
import { mongooseReadiness, ServiceModule } from '@mesh/service';
import { Module } from '@nestjs/common';

import { customersMongodb } from './config/customers-mongodb.config';
import { loyaltyTiers } from './config/loyalty-tiers.config';
import { orderFacts } from './config/order-facts.config';
import { customerQualitySamples } from './customers/customer-quality-samples';
import { customersMongooseModule } from './database/customers-mongoose.module';
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
      config: [customersMongodb, redisConfig, loyaltyTiers, orderFacts],
      readiness: [mongooseReadiness(), eventBusReadiness()],
      dataProduct: { product: customersProduct, status: mongooseDataProductStatus(), qualityResources: customerQualitySamples },
    }),
    customersMongooseModule,
    RegisterCustomerModule,
    FindCustomersModule,
    UpdateCustomerModule,
    DeactivateCustomerModule,
    OrderStatisticsModule,
  ],
})
export class CustomersAppModule {}
