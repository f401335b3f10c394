import type { EventEnvelope } from '@mesh/contract-kit';
import { type RedisConfig,redisConfig } from '@mesh/messaging';
import { applyEventOnce, MongoOutbox } from '@mesh/messaging/mongoose';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';

import { Customer } from './customer.schema';
import { CustomerWrites } from './customer-writes';
import {
  CUSTOMER_FIELDS,
  CUSTOMER_WITH_ORDER_FACTS_FIELDS,
  type CustomerWithOrderFacts,
  type StoredCustomer,
} from './stored-customer';

export interface CustomerQuery {
  country?: string;
  skip: number;
  limit: number;
}

/** The only class that talks to the customers collection. Every write carries its events (outbox). */
@Injectable()
export class CustomerRepository {
  constructor(
    @InjectModel(Customer.name) private readonly customers: Model<Customer>,
    private readonly outbox: MongoOutbox,
    private readonly writes: CustomerWrites,
    @Inject(redisConfig.KEY) private readonly bus: RedisConfig,
  ) {}

  /**
   * An insert needs no lock: the store decides it alone (the unique `_id` and email key).
   * @throws the driver's duplicate key error (code 11000) when the email key is taken.
   */
  async insert(customer: Customer, events: readonly EventEnvelope[]): Promise<void> {
    await this.customers.create(this.outbox.documentWithEvents(customer, events));
  }

  findById(id: string): Promise<StoredCustomer | null> {
    return this.customers.findById(id, CUSTOMER_FIELDS).lean<StoredCustomer>().exec();
  }

  findWithOrderFacts(id: string): Promise<CustomerWithOrderFacts | null> {
    return this.customers.findById(id, CUSTOMER_WITH_ORDER_FACTS_FIELDS).lean<CustomerWithOrderFacts>().exec();
  }

  async find(query: CustomerQuery): Promise<{ items: StoredCustomer[]; total: number }> {
    const filter: QueryFilter<Customer> = query.country ? { country: query.country } : {};
    const [items, total] = await Promise.all([
      this.customers
        .find(filter, CUSTOMER_FIELDS)
        .sort({ _id: 1 })
        .skip(query.skip)
        .limit(query.limit)
        .lean<StoredCustomer[]>()
        .exec(),
      this.customers.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /** Applies `update` only if the customer is still at `revision`; null when another write got in first. */
  updateAtRevision(
    id: string,
    revision: number,
    update: UpdateQuery<Customer>,
    events: readonly EventEnvelope[],
  ): Promise<StoredCustomer | null> {
    return this.writes.run(id, () =>
      this.customers
        .findOneAndUpdate({ _id: id, revision }, this.outbox.withEvents(update, events), { returnDocument: 'after' })
        .lean<StoredCustomer>()
        .exec(),
    );
  }

  /**
   * Applies an order event's effect once per event id, in the same write as its events.
   * @returns false when the event was applied before or `filter` matched no customer.
   */
  applyOrderEffect(
    customerId: string,
    eventId: string,
    filter: QueryFilter<Customer>,
    update: UpdateQuery<Customer>,
    events: readonly EventEnvelope[],
  ): Promise<boolean> {
    return this.writes.run(customerId, () =>
      applyEventOnce(this.customers, {
        eventId,
        filter,
        update: this.outbox.withEvents(update, events),
        keep: this.bus.retention.inboxKeptPerDocument,
      }),
    );
  }

  /** Whether the customer has applied event `eventId` already. */
  async hasApplied(id: string, eventId: string): Promise<boolean> {
    return (await this.customers.exists({ _id: id, _inbox: eventId })) !== null;
  }
}
