import type { EventEnvelope } from '@mesh/contract-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { type LoyaltyTiers, loyaltyTiers } from '../config/loyalty-tiers.config';
import { type OrderFacts, orderFacts } from '../config/order-facts.config';
import { customerTierChangedEvent } from '../customers/customer-events';
import { CustomerLanes } from './customer-lanes';
import { type OrderChange, orderEffect } from './order-effect';
import { OrderStatisticsStore } from './order-statistics-store';

export type OrderOutcome = 'applied' | 'nothing to do' | 'unknown customer';

const ATTEMPTS = 5;

/** Keeps each customer's order count, spend per currency and loyalty tier from the orders' events. */
@Injectable()
export class OrderStatisticsService {
  private readonly logger = new Logger(OrderStatisticsService.name);
  private readonly lanes = new CustomerLanes();

  constructor(
    private readonly store: OrderStatisticsStore,
    @Inject(loyaltyTiers.KEY) private readonly tiers: LoyaltyTiers,
    @Inject(orderFacts.KEY) private readonly facts: OrderFacts,
  ) {}

  /**
   * Applies the order event once, whatever how often and in what order the events of an order
   * are delivered, by however many replicas. The read decides, and the write goes through only if
   * the customer is still as read; otherwise it decides again.
   * @throws when the customer kept changing: the event stays pending and is delivered again.
   */
  apply(change: OrderChange, event: EventEnvelope): Promise<OrderOutcome> {
    return this.lanes.run(change.customerId, () => this.applyOnce(change, event));
  }

  private async applyOnce(change: OrderChange, event: EventEnvelope): Promise<OrderOutcome> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const current = await this.store.findWithOrderFacts(change.customerId);
      if (!current) {
        // Retrying cannot help: this domain does not know the customer. Acknowledge, but say so.
        this.logger.warn(`${event.type} ${event.id}: customer ${change.customerId} is not known here; ignored`);
        return 'unknown customer';
      }
      const now = new Date();
      const effect = orderEffect(current, change, this.tiers, now, new Date(now.getTime() - this.facts.keptForMs));
      if (!effect) return 'nothing to do';
      const events = effect.tierChange ? [customerTierChangedEvent(effect.tierChange, event)] : [];
      if (await this.store.applyOrderEffect(event.id, effect, events)) return 'applied';
      if (await this.store.hasApplied(change.customerId, event.id)) return 'nothing to do';
    }
    throw new Error(`${event.type} ${event.id}: customer ${change.customerId} kept changing (${ATTEMPTS} attempts)`);
  }
}
