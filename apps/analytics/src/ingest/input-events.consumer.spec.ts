import { analyticsProduct } from '@mesh/analytics-contracts';
import { inputPortMismatches } from '@mesh/messaging';

import { inputEventsConsumer } from './input-events.consumer';

describe('the consumer of the orders and customers streams', () => {
  it('is what the analytics manifest declares as its input ports', () => {
    expect(inputPortMismatches(analyticsProduct.manifest, inputEventsConsumer.inputs)).toEqual([]);
  });
});
