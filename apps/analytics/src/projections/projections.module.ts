import { Module } from '@nestjs/common';

import { ProjectionWriter } from './projection-writer';

/** The projection code shared by the live consumer and the rebuild. */
@Module({
  providers: [ProjectionWriter],
  exports: [ProjectionWriter],
})
export class ProjectionsModule {}
