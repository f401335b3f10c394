import { runService } from '@mesh/service';

import { CatalogModule } from './app.module';
import { catalogServiceOptions } from './catalog-service.options';

void runService(CatalogModule, catalogServiceOptions);
