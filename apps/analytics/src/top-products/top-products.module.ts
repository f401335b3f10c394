import { Module } from '@nestjs/common';

import { ProjectionReadsModule } from '../store/reads/projection-reads.module';
import { TopProductsController } from './top-products.controller';

@Module({ imports: [ProjectionReadsModule], controllers: [TopProductsController] })
export class TopProductsModule {}
