import { Module } from '@nestjs/common';

import { TopProductsController } from './top-products.controller';
import { TopProductsRepository } from './top-products.repository';

@Module({ controllers: [TopProductsController], providers: [TopProductsRepository] })
export class TopProductsModule {}
