import type { EventEnvelope } from '@mesh/contract-kit';
import { Injectable, Logger } from '@nestjs/common';

import type { CustomerChange } from './customer-replica';
import { CustomerReplicaStore } from './customer-replica-store';

/**
 * Applies customer events to the replica, each once (the inbox) and only when newer than what
 * the replica holds (the revision), so redeliveries and out-of-order events change nothing.
 */
@Injectable()
export class CustomerReplicaService {
  private readonly log = new Logger(CustomerReplicaService.name);

  constructor(private readonly replica: CustomerReplicaStore) {}

  /** @returns false when this event was applied before. */
  async apply(event: Pick<EventEnvelope, 'id' | 'type'>, change: CustomerChange): Promise<boolean> {
    const update = await this.replica.apply(event, change);
    if (update === 'not-newer') {
      this.log.log(`${event.type} ${event.id} is not newer than the replica of customer ${change.customerId}; ignored`);
    }
    return update !== 'applied-before';
  }
}
