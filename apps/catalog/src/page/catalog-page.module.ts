import { Module } from '@nestjs/common';

import { CatalogPageController } from './catalog-page.controller';

@Module({ controllers: [CatalogPageController] })
export class CatalogPageModule {}
