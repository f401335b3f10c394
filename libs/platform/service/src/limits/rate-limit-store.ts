import { createRedisClient, type RedisClient } from '../redis/create-redis-client';

/** The count of one client in its current window, as @fastify/rate-limit expects it from a store. */
export interface WindowCount {
  readonly current: number;
  /** Milliseconds until the window ends. */
  readonly ttl: number;
}

type CountCallback = (error: Error | null, result?: WindowCount) => void;

/** What @fastify/rate-limit calls on a store: one more request of `key`. */
export interface CountStore {
  incr(key: string, callback: CountCallback, windowMs: number, max: number): void;
  child(): CountStore;
}

/** Clients counted in memory at most; the oldest window is forgotten first. */
const LOCAL_CLIENTS = 10_000;

/** A fixed window per client, in this process. */
export class LocalCounts implements CountStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  incr(key: string, callback: CountCallback, windowMs: number): void {
    callback(null, this.count(key, windowMs));
  }

  count(key: string, windowMs: number): WindowCount {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.windows.delete(key);
      if (this.windows.size >= LOCAL_CLIENTS) this.forgetOldest();
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { current: window.count, ttl: window.endsAt - now };
  }

  child(): CountStore {
    return this;
  }

  private forgetOldest(): void {
    const oldest = this.windows.keys().next().value;
    if (oldest !== undefined) this.windows.delete(oldest);
  }
}

// One round trip, atomic: the first request of a window starts its expiry, and a key that lost
// its expiry (a write cut short) gets one rather than counting forever.
const COUNT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

type CountingRedis = RedisClient & {
  countRequest(key: string, windowMs: number, callback: (error: Error | null, result?: [number, number]) => void): void;
};

export interface SharedCountsOptions {
  readonly url: string;
  /** Prefix of every key, e.g. `rate-limit:orders:`: services sharing one Redis keep their own counts. */
  readonly keyPrefix: string;
  /** Called when Redis cannot count and this replica counts alone instead. */
  readonly onFallback: (error: Error) => void;
}

/**
 * Counts shared by every replica, in Redis. When Redis does not answer at once (down, or not yet
 * connected), the request is counted in this process instead: the API keeps serving, as it does
 * through an event bus outage, and each replica still holds its clients to the limit alone.
 */
export class SharedCounts implements CountStore {
  private readonly redis: CountingRedis;
  private readonly local = new LocalCounts();

  constructor(private readonly options: SharedCountsOptions) {
    // No queue and no retries: a request waits for no Redis that is not there.
    const redis = createRedisClient(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      connectionName: `${options.keyPrefix}counts`,
    });
    redis.defineCommand('countRequest', { numberOfKeys: 1, lua: COUNT_SCRIPT });
    // Reconnecting is ioredis' job; the fallback reports what the requests see.
    redis.on('error', () => undefined);
    this.redis = redis as CountingRedis;
  }

  incr(key: string, callback: CountCallback, windowMs: number): void {
    this.redis.countRequest(`${this.options.keyPrefix}${key}`, windowMs, (error, result) => {
      if (error || !result) {
        this.options.onFallback(error ?? new Error('Redis answered nothing'));
        callback(null, this.local.count(key, windowMs));
        return;
      }
      callback(null, { current: Number(result[0]), ttl: Number(result[1]) });
    });
  }

  child(): CountStore {
    return this;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
