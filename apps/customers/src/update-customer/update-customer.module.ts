import { Module } from '@nestjs/common';

import { CustomerChange } from '../customer-api/customer-change';
import { CustomersStoreModule } from '../store/customers-store.module';
import { UpdateCustomerController } from './update-customer.controller';
import { UpdateCustomerService } from './update-customer.service';

@Module({
  imports: [CustomersStoreModule],
  controllers: [UpdateCustomerController],
  providers: [UpdateCustomerService, CustomerChange],
})
export class UpdateCustomerModule {}
