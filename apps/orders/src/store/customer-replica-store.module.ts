import { Module } from '@nestjs/common';

import { CustomerReplicaStore } from '../customer-replica/customer-replica-store';
import { TypeormCustomerReplicaStore } from './typeorm-customer-replica-store';

@Module({
  providers: [{ provide: CustomerReplicaStore, useClass: TypeormCustomerReplicaStore }],
  exports: [CustomerReplicaStore],
})
export class CustomerReplicaStoreModule {}
