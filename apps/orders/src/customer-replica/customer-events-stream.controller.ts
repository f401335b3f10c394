import {
  type CustomerDeactivated,
  customerDeactivated,
  type CustomerRegistered,
  customerRegistered,
  type CustomerUpdated,
  customerUpdated,
} from '@mesh/customers-contracts';
import { StreamContext } from '@mesh/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { CustomerReplicaService } from './customer-replica.service';

/** `customers.customer.v1` into the customer replica. Personal data (name, email) is not kept. */
@Controller()
export class CustomerEventsStreamController {
  constructor(private readonly replica: CustomerReplicaService) {}

  @EventPattern(customerRegistered.type)
  async onRegistered(@Payload() data: CustomerRegistered, @Ctx() context: StreamContext): Promise<void> {
    const { customerId, revision, country, registeredAt } = data;
    await this.replica.apply(context.getEnvelope(), {
      customerId,
      revision,
      country,
      status: 'active',
      changedAt: registeredAt,
    });
  }

  @EventPattern(customerUpdated.type)
  async onUpdated(@Payload() data: CustomerUpdated, @Ctx() context: StreamContext): Promise<void> {
    const { customerId, revision, country, updatedAt } = data;
    await this.replica.apply(context.getEnvelope(), { customerId, revision, country, changedAt: updatedAt });
  }

  @EventPattern(customerDeactivated.type)
  async onDeactivated(@Payload() data: CustomerDeactivated, @Ctx() context: StreamContext): Promise<void> {
    const { customerId, revision, deactivatedAt } = data;
    await this.replica.apply(context.getEnvelope(), {
      customerId,
      revision,
      status: 'deactivated',
      changedAt: deactivatedAt,
    });
  }
}
