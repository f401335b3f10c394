import { Module } from '@nestjs/common';

import { ProductsModule } from '../products/products.module';
import { LineageController } from './lineage.controller';

@Module({
  imports: [ProductsModule],
  controllers: [LineageController],
})
export class LineageModule {}
