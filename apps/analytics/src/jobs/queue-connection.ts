import { redisConfig } from '@mesh/messaging';
import { createRedisClient, type RedisClient, type RedisTopology, sentinelOptions } from '@mesh/service';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { ConnectionOptions } from 'bullmq';

import { QUEUE_PREFIX } from './queues';

/**
 * BullMQ's key prefix on a Redis Cluster: a hash tag, so that every key of a queue sits in one
 * slot (BullMQ's Lua scripts touch several keys of a queue at once, which a cluster refuses
 * across slots). Only there: on one server or a Sentinel master the queues keep `analytics`,
 * because switching would strand the jobs, schedules and job history a running deployment holds
 * under that prefix, while a cluster starts as a new key space anyway.
 */
export const CLUSTER_QUEUE_PREFIX = `{${QUEUE_PREFIX}}`;

/** Where BullMQ connects and under which prefix, for the event bus's topology. */
export function queueConnection(topology: RedisTopology): {
  connection: ConnectionOptions;
  prefix: string;
} {
  switch (topology.kind) {
    case 'single':
      // BullMQ makes its connections (and sets maxRetriesPerRequest: null on the blocking ones).
      return { connection: { url: topology.url }, prefix: QUEUE_PREFIX };
    case 'sentinel': {
      // Nothing of ioredis' options that BullMQ's narrower type refuses (a `retryStrategy` of null) is set.
      const { retryStrategy, ...options } = sentinelOptions(topology);
      void retryStrategy;
      return { connection: options, prefix: QUEUE_PREFIX };
    }
    case 'cluster':
      // BullMQ makes a cluster only from a client: QueueCluster's, which it duplicates for its workers' blocking reads.
      throw new Error('a cluster connects through QueueCluster');
  }
}

/**
 * The Redis Cluster client BullMQ shares (a cluster is only given to BullMQ as a client), or
 * none on another topology. `maxRetriesPerRequest: null`, which BullMQ requires of its workers'
 * connections: a command waits for the cluster to come back rather than failing a job. BullMQ
 * never closes a client it was given: this provider quits it at shutdown (a job still running
 * then cannot record its end and is taken up again as stalled, as after a crash).
 */
@Injectable()
export class QueueCluster implements OnApplicationShutdown {
  readonly client: RedisClient | undefined;

  constructor(@Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>) {
    if (config.topology.kind === 'cluster') {
      this.client = createRedisClient(config.topology, {
        maxRetriesPerRequest: null,
        connectionName: 'analytics-jobs',
      });
    }
  }

  /** BullMQ's connection and prefix. */
  bullmq(topology: RedisTopology): {
    connection: ConnectionOptions;
    prefix: string;
  } {
    return this.client ? { connection: this.client, prefix: CLUSTER_QUEUE_PREFIX } : queueConnection(topology);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}

/** Provides QueueCluster to BullMQ's root configuration. */
@Module({ providers: [QueueCluster], exports: [QueueCluster] })
export class QueueClusterModule {}
