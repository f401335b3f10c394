import { inputPortMismatches } from '@mesh/messaging';
import { ordersProduct } from '@mesh/orders-contracts';

import { customerEventsConsumer } from './customer-events.consumer';

describe('the consumer of customers.customer.v1', () => {
  it('is what the orders manifest declares as its input port', () => {
    expect(inputPortMismatches(ordersProduct.manifest, customerEventsConsumer.inputs)).toEqual([]);
  });
});
