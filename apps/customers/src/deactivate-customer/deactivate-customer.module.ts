import { Module } from '@nestjs/common';

import { CustomerChange } from '../customer-api/customer-change';
import { CustomersStoreModule } from '../store/customers-store.module';
import { DeactivateCustomerController } from './deactivate-customer.controller';
import { DeactivateCustomerService } from './deactivate-customer.service';

@Module({
  imports: [CustomersStoreModule],
  controllers: [DeactivateCustomerController],
  providers: [DeactivateCustomerService, CustomerChange],
})
export class DeactivateCustomerModule {}
