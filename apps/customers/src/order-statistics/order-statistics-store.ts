import type { EventEnvelope } from '@mesh/contract-kit';

import type { CustomerWithOrderFacts, OrderEffect } from './order-effect';

/**
 * Where the order statistics of customers are kept: in the customers' own records, next to the
 * ids of the order events already applied (the inbox). An abstract class so that it doubles as
 * the DI token; the store module binds it to the Mongoose implementation.
 */
export abstract class OrderStatisticsStore {
  /** The customer with the facts of their orders; null when this domain does not know the customer. */
  abstract findWithOrderFacts(customerId: string): Promise<CustomerWithOrderFacts | null>;

  /**
   * Applies the effect of order event `eventId` once per event id, in the same write as `events`,
   * and only while the customer is still as the effect read them.
   * @returns false when the event was applied before or the customer changed since it was read.
   */
  abstract applyOrderEffect(eventId: string, effect: OrderEffect, events: readonly EventEnvelope[]): Promise<boolean>;

  /** Whether the customer has applied event `eventId` already. */
  abstract hasApplied(customerId: string, eventId: string): Promise<boolean>;
}
