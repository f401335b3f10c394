import { consumerTransport, type RedisStreamsServer } from '@mesh/messaging';
import type { INestApplicationContext } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';

import { analyticsDatabase } from '../config/analytics-database.config';
import { inputEventsConsumer } from './input-events.consumer';
import { LiveProjection } from './live-projection.service';

/**
 * The live consumer: each event goes to the live projections in a transaction of its own, with no
 * more handlers at once than the database pool can serve beside the API.
 */
export function inputEventsTransport(app: INestApplicationContext): RedisStreamsServer {
  const database = app.get<ConfigType<typeof analyticsDatabase>>(analyticsDatabase.KEY);
  const live = app.get(LiveProjection);
  return consumerTransport(
    app,
    inputEventsConsumer,
    async (event, delivery) => {
      await live.apply(event, delivery.stream);
    },
    { concurrency: database.consumerConcurrency },
  );
}
