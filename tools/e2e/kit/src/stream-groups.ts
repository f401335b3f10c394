import { type GroupInfo, readGroups, streamKeys } from '@mesh/messaging';
import { Redis } from 'ioredis';

/**
 * A short-lived Redis connection for one look at the streams: the scenario kills Redis, and a
 * long-lived client would fill the output with reconnection errors meanwhile.
 */
export async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 2_000 });
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** The consumer groups of a stream (output port), e.g. `analytics` and `customers` on `orders.order.v1`. */
export function groupsOf(redisUrl: string, stream: string): Promise<GroupInfo[]> {
  return withRedis(redisUrl, (redis) => readGroups(redis, streamKeys.source(stream)));
}
