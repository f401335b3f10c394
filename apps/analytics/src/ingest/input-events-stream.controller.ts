import { StreamContext } from '@mesh/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { INPUT_CONTRACTS } from './input-streams';
import { LiveProjection } from './live-projection.service';

/**
 * Every event type of orders.order.v1 and customers.customer.v1 goes to the live projections,
 * which dispatch on the type. Types that change no figure (shipped, deactivated) are handled too:
 * they count for the freshness of their stream.
 */
@Controller()
export class InputEventsStreamController {
  constructor(private readonly projection: LiveProjection) {}

  @EventPattern(INPUT_CONTRACTS.map((contract) => contract.type))
  async onInputEvent(@Ctx() context: StreamContext): Promise<void> {
    await this.projection.apply(context.getEnvelope(), context.getDelivery().stream);
  }
}
