import { Module } from '@nestjs/common';

import { ProductsModule } from '../products/products.module';
import { ExploreController } from './explore.controller';

@Module({
  imports: [ProductsModule],
  controllers: [ExploreController],
})
export class ExploreModule {}
