import { Module } from '@nestjs/common';

import { CustomerReplicaService } from './customer-replica.service';

/** Keeps the local replica of customers; `customerEventsTransport` feeds it. */
@Module({
  providers: [CustomerReplicaService],
})
export class CustomerReplicaModule {}
