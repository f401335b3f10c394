import type { EventEnvelope } from '@mesh/contract-kit';
import { BaseRpcContext } from '@nestjs/microservices';

import type { DeliveryInfo } from '../consumer/delivery';

/**
 * What an `@EventPattern` handler gets through `@Ctx()`: the whole envelope (trace context,
 * correlation and causation ids, subject, time) and where the entry came from.
 */
export class StreamContext extends BaseRpcContext<[EventEnvelope, DeliveryInfo]> {
  getEnvelope(): EventEnvelope {
    return this.args[0];
  }

  getDelivery(): DeliveryInfo {
    return this.args[1];
  }
}
