import { Module } from '@nestjs/common';

import { CustomerProjection } from './customer-projection';
import { OrderProjection } from './order-projection';
import { ProjectionWriter } from './projection-writer';

/** The projection code shared by the live consumer and the rebuild. */
@Module({
  providers: [OrderProjection, CustomerProjection, ProjectionWriter],
  exports: [ProjectionWriter],
})
export class ProjectionsModule {}
