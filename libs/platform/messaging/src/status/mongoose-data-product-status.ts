import type { DataProductStatusSource, ProviderToken } from '@mesh/service';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { streamsDataProductStatus, type StreamsStatusOptions } from './streams-data-product-status';

export interface MongooseStatusOptions extends StreamsStatusOptions {
  /**
   * What reads the events pending in the documents; defaults to the domain's OutboxRelay
   * provider, whose `backlog()` counts them in every model it relays, whichever replica publishes.
   */
  outbox?: ProviderToken<{ backlog(): Promise<OutboxBacklog> }>;
}

/** Live status of a domain on MongoDB through Mongoose: its streams, and the events waiting in its documents. */
export function mongooseDataProductStatus(options: MongooseStatusOptions = {}): DataProductStatusSource {
  return streamsDataProductStatus(({ get }) => {
    const outbox = get(options.outbox ?? OutboxRelay);
    return () => outbox.backlog();
  }, options);
}
