import { Module } from '@nestjs/common';

import { ProjectionsModule } from '../projections/projections.module';
import { InputEventsStreamController } from './input-events-stream.controller';
import { LiveProjection } from './live-projection.service';

/** The live consumer's handlers (the transport itself is started by analyticsStreamServer). */
@Module({
  imports: [ProjectionsModule],
  controllers: [InputEventsStreamController],
  providers: [LiveProjection],
})
export class IngestModule {}
