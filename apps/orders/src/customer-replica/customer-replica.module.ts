import { Module } from '@nestjs/common';

import { CustomerReplicaStoreModule } from '../store/customer-replica-store.module';
import { CustomerReplicaService } from './customer-replica.service';

/** Keeps the local replica of customers; `customerEventsTransport` feeds it. */
@Module({
  imports: [CustomerReplicaStoreModule],
  providers: [CustomerReplicaService],
})
export class CustomerReplicaModule {}
