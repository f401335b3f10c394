import { Module } from '@nestjs/common';

import { ProjectionsModule } from '../projections/projections.module';
import { LiveProjection } from './live-projection.service';

/** The live projections that inputEventsTransport feeds. */
@Module({
  imports: [ProjectionsModule],
  providers: [LiveProjection],
})
export class IngestModule {}
