import { redisConfig } from '@mesh/messaging';
import { createRedisClient, type RedisClient } from '@mesh/service';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';

/**
 * The service's command connection to the event bus: metrics read consumer groups through it and
 * the rebuild reads, inspects and removes its own group. Blocking reads get their own connections.
 */
@Injectable()
export class StreamsRedis implements OnApplicationShutdown {
  private readonly log = new Logger(StreamsRedis.name);
  readonly client: RedisClient;

  constructor(@Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>) {
    this.client = createRedisClient(config.topology, { connectionName: 'analytics-streams' });
    this.client.on('error', (error: Error) => this.log.warn(`Redis connection error: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
