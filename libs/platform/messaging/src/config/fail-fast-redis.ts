import { createRedisClient, type RedisClient, type RedisTarget } from '@mesh/service';
import type { RedisOptions } from 'ioredis';

/**
 * A Redis connection for questions that must be answered now or not at all (status figures, the
 * catalog's samples): connected on first use, no offline queue, no reconnect timer, no ready
 * check (INFO: a hung server then fails the command at its timeout, and a user granted only its
 * own commands needs no other). While Redis is down each call says so at once, with the reason,
 * and the next one connects again. Its commands never wait behind a consumer's blocking read.
 */
export class FailFastRedis {
  private readonly client: RedisClient;
  private lastError: Error | undefined;
  private connecting: Promise<void> | undefined;

  /** `extra` adds options, e.g. a `connectionName` (CLIENT SETNAME: only for a user granted it). */
  constructor(target: RedisTarget, timeoutMs: number, extra: RedisOptions = {}) {
    const options: RedisOptions = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      enableReadyCheck: false,
      retryStrategy: () => null,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      ...extra,
    };
    this.client = createRedisClient(target, options);
    // Without a listener ioredis prints every failure; the caller reports it instead.
    this.client.on('error', (error: Error) => (this.lastError = error));
  }

  /** The client, connected. Rejects with "Redis is not reachable: <why>" when it cannot be. */
  async connected(): Promise<RedisClient> {
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    }
    await this.connecting;
    return this.client;
  }

  close(): void {
    // disconnect() on an ended client leaves a timer behind in ioredis.
    if (this.client.status !== 'end') this.client.disconnect();
  }

  private async connect(): Promise<void> {
    this.lastError = undefined;
    // ioredis rejects with a bare "Connection is closed."; the error event said why.
    await this.client.connect().catch((error: unknown) => {
      throw new Error(`Redis is not reachable: ${(this.lastError ?? (error as Error)).message}`);
    });
  }
}
