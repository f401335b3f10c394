import { runService } from '@mesh/service';

import { analyticsServiceOptions } from './analytics-service.options';
import { AnalyticsModule } from './app.module';

void runService(AnalyticsModule, analyticsServiceOptions);
