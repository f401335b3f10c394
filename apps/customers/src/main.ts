import './telemetry';

import { runService } from '@mesh/service';

import { CustomersAppModule } from './app.module';
import { customersServiceOptions } from './service-options';

void runService(CustomersAppModule, customersServiceOptions);
