import { Module } from '@nestjs/common';

import { CustomersStoreModule } from '../store/customers-store.module';
import { RegisterCustomerController } from './register-customer.controller';
import { RegisterCustomerService } from './register-customer.service';

@Module({
  imports: [CustomersStoreModule],
  controllers: [RegisterCustomerController],
  providers: [RegisterCustomerService],
})
export class RegisterCustomerModule {}
