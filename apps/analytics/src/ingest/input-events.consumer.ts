import {
  customerDeactivated,
  customerEvents,
  customerRegistered,
  customerTierChanged,
  customerUpdated,
} from '@mesh/customers-contracts';
import { defineConsumer } from '@mesh/messaging';
import { orderCancelled, orderEvents, orderPlaced, orderShipped } from '@mesh/orders-contracts';
import type { EntityManager } from 'typeorm';

import type { CustomerProjection } from '../projections/customer-projection';
import type { OrderProjection } from '../projections/order-projection';
import type { ProjectionTables } from '../projections/projection-tables';

/** What a route writes with: the projections, in the caller's transaction, on one set of tables (live or rebuild). */
export interface ProjectionTarget {
  readonly manager: EntityManager;
  readonly tables: ProjectionTables;
  readonly orders: OrderProjection;
  readonly customers: CustomerProjection;
}

/** Shipped and deactivated change no figure; handling them still counts for their stream's freshness. */
const noFigureChanges = async () => undefined;

/**
 * Group `analytics` on the orders and customers streams: from the beginning of their history when
 * the group is new, the events of one subject in stream order. The live consumer and the rebuild
 * both apply events through these routes.
 */
export const inputEventsConsumer = defineConsumer<ProjectionTarget>(
  { group: 'analytics', reads: [...orderEvents, ...customerEvents], startFrom: 'beginning', orderBySubject: true },
  (on) => [
    on(orderPlaced, ({ orders, manager, tables }, order) => orders.placed(manager, tables, order)),
    on(orderCancelled, ({ orders, manager, tables }, order) => orders.cancelled(manager, tables, order)),
    on(orderShipped, noFigureChanges),
    on(customerRegistered, ({ customers, manager, tables }, customer) =>
      customers.profileChanged(manager, tables, customer),
    ),
    on(customerUpdated, ({ customers, manager, tables }, customer) =>
      customers.profileChanged(manager, tables, customer),
    ),
    on(customerDeactivated, noFigureChanges),
    on(customerTierChanged, ({ customers, manager, tables }, change) => customers.tierChanged(manager, tables, change)),
  ],
);
