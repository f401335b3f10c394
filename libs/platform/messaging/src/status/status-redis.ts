import type { RedisClient, RedisTarget } from '@mesh/service';

import { FailFastRedis } from '../config/fail-fast-redis';
import { describeError } from './part-result';
import { redisNowMs } from './stream-entry-age';

/** Errors that mean the connection is gone, whatever the command: ioredis's and the socket's. */
const lostConnection =
  /Stream isn't writeable|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/;

/**
 * The status source's own Redis connection (fail fast: while Redis is down each measurement
 * reports that at once, and the next one connects again), and Redis's clock.
 */
export class StatusRedis {
  private readonly connection: FailFastRedis;

  constructor(target: RedisTarget, commandTimeoutMs: number) {
    this.connection = new FailFastRedis(target, commandTimeoutMs, { connectionName: 'data-product-status' });
  }

  /**
   * The connected client and Redis's time now (which stamped the entry ids, so that ages do not
   * depend on this host's clock). Rejects with "Redis is not reachable: …" when it is not.
   */
  async clock(): Promise<{ redis: RedisClient; nowMs: number }> {
    const redis = await this.connection.connected();
    try {
      return { redis, nowMs: await redisNowMs(redis) };
    } catch (error) {
      // A connection that broke a moment ago can still look ready: the command says so.
      if (redis.status === 'ready' && !lostConnection.test(describeError(error))) throw error;
      throw new Error(`Redis is not reachable: ${describeError(error)}`, { cause: error });
    }
  }

  close(): void {
    this.connection.close();
  }
}
