import type { EventEnvelope } from '@mesh/contract-kit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { inputEventsConsumer } from '../ingest/input-events.consumer';
import { CustomerProjection } from './customer-projection';
import { OrderProjection } from './order-projection';
import type { ProjectionTables } from './projection-tables';

/**
 * Applies one input event to a set of projection tables, inside the caller's transaction, through
 * the consumer's routes: the live handler and the rebuild both come through here.
 */
@Injectable()
export class ProjectionWriter {
  constructor(
    private readonly orders: OrderProjection,
    private readonly customers: CustomerProjection,
  ) {}

  apply(manager: EntityManager, tables: ProjectionTables, event: EventEnvelope): Promise<void> {
    return inputEventsConsumer.dispatch({ manager, tables, orders: this.orders, customers: this.customers }, event);
  }
}
