import { ServiceModule } from '@mesh/service';
import { Module } from '@nestjs/common';

import { catalogConfig } from './config/catalog.config';
import { LineageModule } from './lineage/lineage.module';
import { CatalogPageModule } from './page/catalog-page.module';
import { ProductsModule } from './products/products.module';

/**
 * The mesh catalog: reads every domain's `/.well-known/data-product` and shows the products,
 * their lineage and their live status. It owns no store, so it is ready as soon as it listens:
 * a domain that does not answer is shown as such, it does not make the catalog unready.
 */
@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'catalog',
      config: [catalogConfig],
      // Manifests and status are metadata meant for everyone: no tokens, no key to configure.
      access: 'public',
    }),
    ProductsModule,
    LineageModule,
    CatalogPageModule,
  ],
})
export class CatalogModule {}
