import { Module } from '@nestjs/common';

import { ProductsModule } from '../products/products.module';
import { SamplesController } from './samples.controller';
import { StreamSampleReader } from './stream-samples.service';

@Module({
  imports: [ProductsModule],
  controllers: [SamplesController],
  providers: [StreamSampleReader],
})
export class SamplesModule {}
