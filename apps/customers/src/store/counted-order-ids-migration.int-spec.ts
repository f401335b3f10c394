import type { CustomerResponse } from '@mesh/customers-contracts';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { authorized } from '../../test/access-tokens';
import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';
import { OrdersStream } from '../../test/order-events';
import { CountedOrderIdsMigration } from './counted-order-ids-migration';
import { CustomerWrites } from './customer-writes';
import { StoredCustomer } from './stored-customer.schema';

jest.setTimeout(60_000);

describe('customers written before order facts (countedOrderIds)', () => {
  const context = customersAppForThisFile();

  it('keep their counted orders: a later cancellation of one is still reversed', async () => {
    const orders = new OrdersStream(context.redis);
    const app = context.service.app;
    const customers = app.get<Model<StoredCustomer>>(getModelToken(StoredCustomer.name));
    const customer = await registerCustomer(app);
    const counted = orders.placed(customer.id, 900);
    // The document as the earlier version left it after counting `counted`. Through CustomerWrites,
    // as every write: on FerretDB the relay's removal of the registration event from this document
    // could otherwise overwrite this update (it failed so in CI once).
    await app.get(CustomerWrites).run(customer.id, () =>
      customers.collection.updateOne({ _id: customer.id } as never, {
        $set: { orderCount: 1, totalSpent: { EUR: 900 }, countedOrderIds: [counted.data.orderId] },
        $unset: { orderFacts: '' },
      }),
    );

    await app.get(CountedOrderIdsMigration).onModuleInit();
    const migrated = await customers.collection.findOne({ _id: customer.id } as never);
    expect(migrated?.['countedOrderIds']).toBeUndefined();
    expect(migrated?.['orderFacts']).toEqual({ [counted.data.orderId]: { placed: true, changedAt: expect.any(Date) } });

    await orders.publish(orders.cancelled(counted), counted);
    await orders.handled();
    const read = await app.inject({ method: 'GET', url: `/customers/${customer.id}`, headers: authorized() });
    expect(read.json<CustomerResponse>()).toMatchObject({ orderCount: 0, totalSpent: { EUR: 0 } });
  });
});
