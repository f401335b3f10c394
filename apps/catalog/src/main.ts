import './telemetry';

import { runService } from '@mesh/service';

import { CatalogModule } from './app.module';
import { catalogServiceOptions } from './service-options';

void runService(CatalogModule, catalogServiceOptions);
