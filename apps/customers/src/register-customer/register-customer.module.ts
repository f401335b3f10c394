import { Module } from '@nestjs/common';

import { CustomerStoreModule } from '../store/customer-store.module';
import { RegisterCustomerController } from './register-customer.controller';
import { RegisterCustomerService } from './register-customer.service';

@Module({
  imports: [CustomerStoreModule],
  controllers: [RegisterCustomerController],
  providers: [RegisterCustomerService],
})
export class RegisterCustomerModule {}
