import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import type { OrderFact } from '../order-statistics/order-fact';
import { CustomerWrites } from './customer-writes';
import { StoredCustomer } from './stored-customer.schema';

/**
 * Customers written before order facts kept the ids of their counted orders in `countedOrderIds`.
 * Before order events are consumed, each such id becomes the fact of a placed, open order (which
 * is what it meant), so that a later cancellation of such an order is still reversed. Each
 * customer moves in one write, guarded by the list as read; a replica that got there first leaves
 * nothing to do.
 */
@Injectable()
export class CountedOrderIdsMigration implements OnModuleInit {
  private readonly logger = new Logger(CountedOrderIdsMigration.name);

  constructor(
    @InjectModel(StoredCustomer.name) private readonly customers: Model<StoredCustomer>,
    private readonly writes: CustomerWrites,
  ) {}

  async onModuleInit(): Promise<void> {
    const legacy = await this.customers
      .find({ countedOrderIds: { $exists: true } }, { countedOrderIds: 1, updatedAt: 1 })
      .lean<Array<Pick<StoredCustomer, '_id' | 'countedOrderIds' | 'updatedAt'>>>()
      .exec();
    for (const customer of legacy) {
      const facts = (customer.countedOrderIds ?? []).map((orderId): [string, OrderFact] => [
        `orderFacts.${orderId}`,
        { placed: true, changedAt: customer.updatedAt },
      ]);
      // Through the model's strict casting `orderFacts.<id>` under a Mixed path is kept as given.
      await this.writes.run(customer._id, () =>
        this.customers
          .updateOne(
            { _id: customer._id, countedOrderIds: customer.countedOrderIds },
            { ...(facts.length > 0 ? { $set: Object.fromEntries(facts) } : {}), $unset: { countedOrderIds: '' } },
          )
          .exec(),
      );
    }
    if (legacy.length > 0) this.logger.log(`moved the counted orders of ${legacy.length} customers into order facts`);
  }
}
