import { Redis, type RedisOptions } from 'ioredis';

import { describeError } from './part-result';
import { redisNowMs } from './stream-entry-age';

/** Errors that mean the connection is gone, whatever the command: ioredis's and the socket's. */
const lostConnection =
  /Stream isn't writeable|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/;

/**
 * The status source's own Redis connection. It fails fast and never retries in the background
 * (no offline queue, no reconnect timer): while Redis is down each measurement reports that at
 * once, and the next one connects again. Its commands never wait behind a consumer's blocking read.
 */
export class StatusRedis {
  private readonly client: Redis;
  private lastError: Error | undefined;
  private connecting: Promise<void> | undefined;

  constructor(target: string | RedisOptions, commandTimeoutMs: number) {
    const options: RedisOptions = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // No INFO round trip before the first command: a hung server then fails the command at its timeout.
      enableReadyCheck: false,
      retryStrategy: () => null,
      connectTimeout: commandTimeoutMs,
      commandTimeout: commandTimeoutMs,
      connectionName: 'data-product-status',
    };
    this.client = typeof target === 'string' ? new Redis(target, options) : new Redis({ ...target, ...options });
    // Without a listener ioredis prints every failure; the measurement reports it instead.
    this.client.on('error', (error: Error) => (this.lastError = error));
  }

  /**
   * The connected client and Redis's time now (which stamped the entry ids, so that ages do not
   * depend on this host's clock). Rejects with "Redis is not reachable: …" when it is not.
   */
  async clock(): Promise<{ redis: Redis; nowMs: number }> {
    const redis = await this.connected();
    try {
      return { redis, nowMs: await redisNowMs(redis) };
    } catch (error) {
      // A connection that broke a moment ago can still look ready: the command says so.
      if (redis.status === 'ready' && !lostConnection.test(describeError(error))) throw error;
      throw new Error(`Redis is not reachable: ${describeError(error)}`, { cause: error });
    }
  }

  close(): void {
    // disconnect() on an ended client leaves a timer behind in ioredis.
    if (this.client.status !== 'end') this.client.disconnect();
  }

  private async connected(): Promise<Redis> {
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    }
    await this.connecting;
    return this.client;
  }

  private async connect(): Promise<void> {
    this.lastError = undefined;
    // ioredis rejects with a bare "Connection is closed."; the error event said why.
    await this.client.connect().catch((error: unknown) => {
      throw new Error(`Redis is not reachable: ${(this.lastError ?? (error as Error)).message}`);
    });
  }
}
