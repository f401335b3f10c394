import type { EventEnvelope } from '@mesh/contract-kit';
import { type RedisConfig, redisConfig } from '@mesh/messaging';
import { applyEventOnce, MongoOutbox } from '@mesh/messaging/mongoose';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import type { CustomerWithOrderFacts, OrderEffect } from '../order-statistics/order-effect';
import { OrderStatisticsStore } from '../order-statistics/order-statistics-store';
import { CUSTOMER_WITH_ORDER_FACTS_FIELDS, customerWithOrderFactsOf } from './customer-documents';
import { CustomerWrites } from './customer-writes';
import { orderEffectUpdate } from './order-effect-update';
import { StoredCustomer } from './stored-customer.schema';

/**
 * Order statistics in the customers' documents: each order effect, its events (outbox) and the
 * id of the order event (inbox, `applyEventOnce`) are one single-document write, through
 * CustomerWrites like every write to an existing customer.
 */
@Injectable()
export class MongoOrderStatisticsStore extends OrderStatisticsStore {
  constructor(
    @InjectModel(StoredCustomer.name) private readonly customers: Model<StoredCustomer>,
    private readonly outbox: MongoOutbox,
    private readonly writes: CustomerWrites,
    @Inject(redisConfig.KEY) private readonly bus: RedisConfig,
  ) {
    super();
  }

  async findWithOrderFacts(customerId: string): Promise<CustomerWithOrderFacts | null> {
    const stored = await this.customers
      .findById(customerId, CUSTOMER_WITH_ORDER_FACTS_FIELDS)
      .lean<StoredCustomer>()
      .exec();
    return stored && customerWithOrderFactsOf(stored);
  }

  applyOrderEffect(eventId: string, effect: OrderEffect, events: readonly EventEnvelope[]): Promise<boolean> {
    const { filter, update } = orderEffectUpdate(effect);
    return this.writes.run(effect.customerId, () =>
      applyEventOnce(this.customers, {
        eventId,
        filter,
        update: this.outbox.withEvents(update, events),
        keep: this.bus.retention.inboxKeptPerDocument,
      }),
    );
  }

  async hasApplied(customerId: string, eventId: string): Promise<boolean> {
    return (await this.customers.exists({ _id: customerId, _inbox: eventId })) !== null;
  }
}
