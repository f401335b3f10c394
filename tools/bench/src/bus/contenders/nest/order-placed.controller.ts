import type { EventEnvelope } from '@mesh/contract-kit';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Arrivals } from '../../arrivals';

/** The pub/sub channel of this process's benchmark, so concurrent runs never hear each other. */
export const orderPlacedChannel = `bench.${process.pid}.order.placed`;

@Controller()
export class OrderPlacedController {
  constructor(private readonly arrivals: Arrivals) {}

  @EventPattern(orderPlacedChannel)
  onOrderPlaced(@Payload() event: EventEnvelope): void {
    this.arrivals.arrived(event.id);
  }
}
