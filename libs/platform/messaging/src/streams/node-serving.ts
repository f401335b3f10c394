import { isCluster, type RedisClient } from '@mesh/service';
import calculateSlot from 'cluster-key-slot';
import type { Redis } from 'ioredis';

/**
 * The connection of one server that holds `key`, for commands that must reach that very server:
 * a blocking read on a connection of its own, and the CLIENT UNBLOCK that ends it. On one server
 * (or a Sentinel master) that is the client itself; on a cluster, the client's connection to
 * the master that serves the key's slot now.
 * @throws when the cluster does not know the slot's master (not connected yet, or failing over).
 */
export function nodeServing(redis: RedisClient, key: string): Redis {
  if (!isCluster(redis)) return redis;
  const slot = calculateSlot(key);
  const master = redis.slots[slot]?.[0];
  const node = redis.nodes('master').find(({ options }) => `${options.host}:${options.port}` === master);
  if (!node) {
    redis.refreshSlotsCache();
    throw new Error(`no master of the cluster serves slot ${slot} (${key}) yet`);
  }
  return node;
}
