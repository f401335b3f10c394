import {
  customerDeactivated,
  customerEvents,
  customerRegistered,
  customerTierChanged,
  customerUpdated,
} from '@mesh/customers-contracts';
import { defineConsumer } from '@mesh/messaging';
import { orderCancelled, orderEvents, orderPlaced, orderShipped } from '@mesh/orders-contracts';

import type { Projections } from '../projections/projections';

/** Shipped and deactivated change no figure; handling them still counts for their stream's freshness. */
const noFigureChanges = async () => undefined;

/**
 * Group `analytics` on the orders and customers streams: from the beginning of their history when
 * the group is new, the events of one subject in stream order. The live consumer and the rebuild
 * both apply events through these routes, each to the projections of its own transaction and tables.
 */
export const inputEventsConsumer = defineConsumer<Projections>(
  { group: 'analytics', reads: [...orderEvents, ...customerEvents], startFrom: 'beginning', orderBySubject: true },
  (on) => [
    on(orderPlaced, (projections, order) => projections.orderPlaced(order)),
    on(orderCancelled, (projections, order) => projections.orderCancelled(order)),
    on(orderShipped, noFigureChanges),
    on(customerRegistered, (projections, customer) => projections.customerProfileChanged(customer)),
    on(customerUpdated, (projections, customer) => projections.customerProfileChanged(customer)),
    on(customerDeactivated, noFigureChanges),
    on(customerTierChanged, (projections, change) => projections.customerTierChanged(change)),
  ],
);
