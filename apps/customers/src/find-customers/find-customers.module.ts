import { Module } from '@nestjs/common';

import { CustomerStoreModule } from '../store/customer-store.module';
import { FindCustomersController } from './find-customers.controller';
import { FindCustomersService } from './find-customers.service';

@Module({
  imports: [CustomerStoreModule],
  controllers: [FindCustomersController],
  providers: [FindCustomersService],
})
export class FindCustomersModule {}
