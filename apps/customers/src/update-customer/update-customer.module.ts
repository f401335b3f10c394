import { Module } from '@nestjs/common';

import { CustomerChange } from '../customers/customer-change';
import { CustomerStoreModule } from '../store/customer-store.module';
import { UpdateCustomerController } from './update-customer.controller';
import { UpdateCustomerService } from './update-customer.service';

@Module({
  imports: [CustomerStoreModule],
  controllers: [UpdateCustomerController],
  providers: [UpdateCustomerService, CustomerChange],
})
export class UpdateCustomerModule {}
