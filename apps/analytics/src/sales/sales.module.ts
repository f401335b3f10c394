import { Module } from '@nestjs/common';

import { ProjectionReadsModule } from '../store/reads/projection-reads.module';
import { SalesController } from './sales.controller';

@Module({ imports: [ProjectionReadsModule], controllers: [SalesController] })
export class SalesModule {}
