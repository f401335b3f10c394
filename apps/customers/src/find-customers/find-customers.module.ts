import { Module } from '@nestjs/common';

import { CustomersStoreModule } from '../store/customers-store.module';
import { FindCustomersController } from './find-customers.controller';

/** Reads only: the controller asks the repository directly, there is no decision to make. */
@Module({
  imports: [CustomersStoreModule],
  controllers: [FindCustomersController],
})
export class FindCustomersModule {}
