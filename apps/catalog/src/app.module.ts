import { ServiceModule } from '@mesh/service';
import { Module } from '@nestjs/common';

import { AccessModule } from './access/access.module';
import { catalogConfig } from './config/catalog.config';
import { catalogRedisConfig } from './config/catalog-redis.config';
import { ExploreModule } from './explore/explore.module';
import { LineageModule } from './lineage/lineage.module';
import { CatalogPageModule } from './page/catalog-page.module';
import { ProductsModule } from './products/products.module';
import { SamplesModule } from './samples/samples.module';

/**
 * The mesh catalog: reads every domain's `/.well-known/data-product` and shows the products,
 * their lineage, live status, schemas and access, and masked samples of their streams. It owns
 * no store, so it is ready as soon as it listens: a domain or a Redis that does not answer is
 * shown as such, it does not make the catalog unready.
 */
@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'catalog',
      config: [catalogConfig, catalogRedisConfig],
      // Manifests and status are metadata meant for everyone: no tokens, no key to configure.
      access: 'public',
    }),
    ProductsModule,
    LineageModule,
    ExploreModule,
    SamplesModule,
    AccessModule,
    CatalogPageModule,
  ],
})
export class CatalogModule {}
