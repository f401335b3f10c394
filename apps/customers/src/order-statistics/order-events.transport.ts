import { consumerTransport, type RedisStreamsServer } from '@mesh/messaging';
import type { INestApplicationContext } from '@nestjs/common';

import { orderEventsConsumer } from './order-events.consumer';
import { OrderStatisticsService } from './order-statistics.service';

/** The consumer of `orders.order.v1`, run inside the app: each event goes to the order statistics. */
export function orderEventsTransport(app: INestApplicationContext): RedisStreamsServer {
  const statistics = app.get(OrderStatisticsService);
  return consumerTransport(app, orderEventsConsumer, (event) => orderEventsConsumer.dispatch(statistics, event));
}
