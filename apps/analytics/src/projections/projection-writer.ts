import type { EventEnvelope } from '@mesh/contract-kit';
import {
  type CustomerRegistered,
  customerRegistered,
  type CustomerTierChanged,
  customerTierChanged,
  type CustomerUpdated,
  customerUpdated,
} from '@mesh/customers-contracts';
import { type OrderCancelled, orderCancelled, type OrderPlaced, orderPlaced } from '@mesh/orders-contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { CustomerProjection } from './customer-projection';
import { OrderProjection } from './order-projection';
import type { ProjectionTables } from './projection-tables';

/**
 * Applies one input event to a set of projection tables, inside the caller's transaction. The
 * live handlers and the rebuild both come through here; event types without an effect on the
 * projections (shipped, deactivated) are accepted and change nothing.
 */
@Injectable()
export class ProjectionWriter {
  constructor(
    private readonly orders: OrderProjection,
    private readonly customers: CustomerProjection,
  ) {}

  async apply(manager: EntityManager, tables: ProjectionTables, event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case orderPlaced.type:
        return this.orders.placed(manager, tables, event.data as OrderPlaced);
      case orderCancelled.type:
        return this.orders.cancelled(manager, tables, event.data as OrderCancelled);
      case customerRegistered.type:
      case customerUpdated.type:
        return this.customers.profileChanged(manager, tables, event.data as CustomerRegistered | CustomerUpdated);
      case customerTierChanged.type:
        return this.customers.tierChanged(manager, tables, event.data as CustomerTierChanged);
      default:
        return;
    }
  }
}
