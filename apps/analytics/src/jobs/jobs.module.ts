import { redisConfig } from '@mesh/messaging';
import { bullmqTelemetry } from '@mesh/service/telemetry';
import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';

import { QueueErrorLog } from './job-errors';
import { JobMetrics } from './job-metrics';
import { QueueCluster, QueueClusterModule } from './queue-connection';
import { JOB_OPTIONS, REBUILD_QUEUE, ROLLUP_QUEUE } from './queues';

/** BullMQ on the event bus's Redis (any topology), under its own prefix, with the two queues, their metrics and error log. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [QueueClusterModule],
      inject: [redisConfig.KEY, QueueCluster],
      useFactory: (redis: ConfigType<typeof redisConfig>, cluster: QueueCluster) => ({
        // The topology's connection, and a hash-tagged prefix on a cluster (queue-connection.ts).
        ...cluster.bullmq(redis.topology),
        defaultJobOptions: JOB_OPTIONS,
        // Adding a job and each attempt at it are spans (the rebuild asked for by a request joins its trace).
        telemetry: bullmqTelemetry('analytics'),
      }),
    }),
    BullModule.registerQueue({ name: REBUILD_QUEUE }, { name: ROLLUP_QUEUE }),
  ],
  providers: [JobMetrics, QueueErrorLog],
  exports: [BullModule, JobMetrics],
})
export class JobsModule {}
