import { Module } from '@nestjs/common';

import { CustomerEventsStreamController } from './customer-events-stream.controller';
import { CustomerReplicaService } from './customer-replica.service';

/** Keeps the local replica of customers; `customerEventsTransport` feeds its stream controller. */
@Module({
  controllers: [CustomerEventsStreamController],
  providers: [CustomerReplicaService],
})
export class CustomerReplicaModule {}
