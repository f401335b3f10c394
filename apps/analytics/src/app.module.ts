import { analyticsProduct } from '@mesh/analytics-contracts';
import { eventBusReadiness, redisConfig } from '@mesh/messaging';
import { typeormDataProductStatus } from '@mesh/messaging/typeorm';
import { ServiceModule, typeOrmReadiness } from '@mesh/service';
import { Module } from '@nestjs/common';

import { AdminModule } from './admin/admin.module';
import { analyticsDatabase } from './config/analytics-database.config';
import { pseudonymConfig } from './config/pseudonym.config';
import { rollupScheduleConfig } from './config/rollup-schedule.config';
import { CustomerValueModule } from './customer-value/customer-value.module';
import { analyticsTypeOrmModule } from './database/analytics-typeorm.module';
import { IngestModule } from './ingest/ingest.module';
import { JobsModule } from './jobs/jobs.module';
import { AnalyticsMessagingModule } from './messaging/analytics-messaging.module';
import { PseudonymModule } from './pseudonym/pseudonym.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { RollupModule } from './rollup/rollup.module';
import { dailySalesQualitySamples } from './sales/daily-sales-quality-samples';
import { SalesModule } from './sales/sales.module';
import { TopProductsModule } from './top-products/top-products.module';

/**
 * The analytics domain: projections built from the orders and customers streams (it owns no
 * source data), served over HTTP, rebuilt and rolled up by BullMQ jobs.
 */
@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'analytics',
      config: [analyticsDatabase, redisConfig, pseudonymConfig, rollupScheduleConfig],
      readiness: [typeOrmReadiness(), eventBusReadiness()],
      dataProduct: { product: analyticsProduct, status: typeormDataProductStatus(), qualityResources: dailySalesQualitySamples },
    }),
    analyticsTypeOrmModule,
    AnalyticsMessagingModule,
    JobsModule,
    PseudonymModule,
    IngestModule,
    SalesModule,
    CustomerValueModule,
    TopProductsModule,
    RebuildModule,
    RollupModule,
    AdminModule,
  ],
})
export class AnalyticsModule {}
