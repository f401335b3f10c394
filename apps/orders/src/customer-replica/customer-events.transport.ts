import { consumerTransport, type RedisStreamsServer } from '@mesh/messaging';
import type { INestApplicationContext } from '@nestjs/common';

import { customerEventsConsumer } from './customer-events.consumer';
import { CustomerReplicaService } from './customer-replica.service';

/** The consumer of `customers.customer.v1`, run inside the app: each event goes to the replica. */
export function customerEventsTransport(app: INestApplicationContext): RedisStreamsServer {
  const replica = app.get(CustomerReplicaService);
  return consumerTransport(app, customerEventsConsumer, (event) => customerEventsConsumer.dispatch(replica, event));
}
