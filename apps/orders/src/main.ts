import './telemetry';

import { runService } from '@mesh/service';

import { OrdersModule } from './app.module';
import { ordersServiceOptions } from './service-options';

void runService(OrdersModule, ordersServiceOptions);
