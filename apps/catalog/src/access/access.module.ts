import { Module } from '@nestjs/common';

import { ProductsModule } from '../products/products.module';
import { AccessController } from './access.controller';
import { BrokerAclSource } from './broker-acl.service';

@Module({
  imports: [ProductsModule],
  controllers: [AccessController],
  providers: [BrokerAclSource],
})
export class AccessModule {}
