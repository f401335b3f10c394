import './telemetry';

import { runService } from '@mesh/service';

import { AnalyticsModule } from './app.module';
import { analyticsServiceOptions } from './service-options';

void runService(AnalyticsModule, analyticsServiceOptions);
