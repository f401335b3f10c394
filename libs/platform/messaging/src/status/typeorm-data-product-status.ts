import type { DataProductStatusSource, ProviderToken } from '@mesh/service';
import { DataSource } from 'typeorm';

import { readBacklog } from '../outbox-typeorm/outbox-queries';
import { streamsDataProductStatus, type StreamsStatusOptions } from './streams-data-product-status';

export interface TypeormStatusOptions extends StreamsStatusOptions {
  /** The data source that holds `mesh_outbox`; defaults to the one TypeOrmModule.forRoot registers. */
  dataSource?: ProviderToken<DataSource>;
}

/** Live status of a domain on PostgreSQL through TypeORM: its streams, and its outbox table's unsent rows. */
export function typeormDataProductStatus(options: TypeormStatusOptions = {}): DataProductStatusSource {
  return streamsDataProductStatus(({ get }) => {
    const dataSource = get(options.dataSource ?? DataSource);
    return () => readBacklog(dataSource);
  }, options);
}
