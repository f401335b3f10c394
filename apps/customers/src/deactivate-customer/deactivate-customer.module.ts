import { Module } from '@nestjs/common';

import { CustomerChange } from '../customers/customer-change';
import { CustomerStoreModule } from '../store/customer-store.module';
import { DeactivateCustomerController } from './deactivate-customer.controller';
import { DeactivateCustomerService } from './deactivate-customer.service';

@Module({
  imports: [CustomerStoreModule],
  controllers: [DeactivateCustomerController],
  providers: [DeactivateCustomerService, CustomerChange],
})
export class DeactivateCustomerModule {}
