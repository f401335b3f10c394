import { customersProduct } from '@mesh/customers-contracts';
import { inputPortMismatches } from '@mesh/messaging';

import { orderEventsConsumer } from './order-events.consumer';

describe('the consumer of orders.order.v1', () => {
  it('is what the customers manifest declares as its input port', () => {
    expect(inputPortMismatches(customersProduct.manifest, orderEventsConsumer.inputs)).toEqual([]);
  });
});
