import { Module } from '@nestjs/common';

import { ProjectionReadsModule } from '../store/reads/projection-reads.module';
import { CustomerValueController } from './customer-value.controller';

@Module({ imports: [ProjectionReadsModule], controllers: [CustomerValueController] })
export class CustomerValueModule {}
