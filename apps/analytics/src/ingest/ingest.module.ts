import { Module } from '@nestjs/common';

import { ProjectionsModule } from '../projections/projections.module';
import { LiveProjectionStoreModule } from '../store/projections/live-projection-store.module';
import { LiveProjection } from './live-projection.service';

/** The live projections that inputEventsTransport feeds. */
@Module({
  imports: [ProjectionsModule, LiveProjectionStoreModule],
  providers: [LiveProjection],
})
export class IngestModule {}
