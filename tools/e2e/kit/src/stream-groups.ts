import { type GroupInfo, readGroups, streamKeys } from '@mesh/messaging';
import { createRedisClient, type RedisClient, type RedisTarget } from '@mesh/service';

/**
 * A short-lived Redis connection for one look at the streams, to one server (a URL) or to the
 * run's cluster or Sentinel master (a topology): the scenario kills Redis, and a long-lived
 * client would fill the output with reconnection errors meanwhile.
 */
export async function withRedis<T>(target: RedisTarget, use: (redis: RedisClient) => Promise<T>): Promise<T> {
  const redis = createRedisClient(target, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 2_000 });
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** The consumer groups of a stream (output port), e.g. `analytics` and `customers` on `orders.order.v1`. */
export function groupsOf(target: RedisTarget, stream: string): Promise<GroupInfo[]> {
  return withRedis(target, (redis) => readGroups(redis, streamKeys.source(stream)));
}
