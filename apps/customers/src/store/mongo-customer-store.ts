import type { EventEnvelope } from '@mesh/contract-kit';
import { isDuplicateKey, MongoOutbox } from '@mesh/messaging/mongoose';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';

import type { Customer, CustomerChanges } from '../customers/customer';
import { type CustomerQuery, CustomerStore } from '../customers/customer-store';
import { CUSTOMER_FIELDS, customerOf, storedCustomerOf } from './customer-documents';
import { CustomerWrites } from './customer-writes';
import { StoredCustomer } from './stored-customer.schema';

/**
 * Customers in MongoDB (FerretDB locally), one document each. With MongoOrderStatisticsStore the
 * only classes that talk to the customers collection. Every write carries its events (outbox),
 * and every write to an existing customer goes through CustomerWrites.
 */
@Injectable()
export class MongoCustomerStore extends CustomerStore {
  constructor(
    @InjectModel(StoredCustomer.name) private readonly customers: Model<StoredCustomer>,
    private readonly outbox: MongoOutbox,
    private readonly writes: CustomerWrites,
  ) {
    super();
  }

  /** An insert needs no lock: the store decides it alone (the unique `_id` and email key). */
  async insert(customer: Customer, events: readonly EventEnvelope[]): Promise<'inserted' | 'email taken'> {
    try {
      await this.customers.create(this.outbox.documentWithEvents(storedCustomerOf(customer), events));
      return 'inserted';
    } catch (error) {
      // The unique index on the email key refused it (the `_id` is a fresh UUIDv7).
      if (isDuplicateKey(error)) return 'email taken';
      throw error;
    }
  }

  async findById(id: string): Promise<Customer | null> {
    const stored = await this.customers.findById(id, CUSTOMER_FIELDS).lean<StoredCustomer>().exec();
    return stored && customerOf(stored);
  }

  async find(query: CustomerQuery): Promise<Customer[]> {
    const filter: QueryFilter<StoredCustomer> = query.country ? { country: query.country } : {};
    // A range on `_id`: as cheap behind the millionth customer as behind the first.
    if (query.after !== undefined) filter._id = { $gt: query.after };
    const items = await this.customers
      .find(filter, CUSTOMER_FIELDS)
      .sort({ _id: 1 })
      .skip(query.after === undefined ? query.skip : 0)
      .limit(query.limit)
      .lean<StoredCustomer[]>()
      .exec();
    return items.map(customerOf);
  }

  count(country?: string): Promise<number> {
    return this.customers.countDocuments(country ? { country } : {}).exec();
  }

  async updateAtRevision(
    id: string,
    revision: number,
    changes: CustomerChanges,
    events: readonly EventEnvelope[],
  ): Promise<Customer | null> {
    const changed = await this.writes.run(id, () =>
      this.customers
        .findOneAndUpdate({ _id: id, revision }, this.outbox.withEvents({ $set: changes }, events), {
          returnDocument: 'after',
        })
        .lean<StoredCustomer>()
        .exec(),
    );
    return changed && customerOf(changed);
  }
}
