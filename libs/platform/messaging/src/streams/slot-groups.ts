import { isCluster, type RedisClient } from '@mesh/service';
import calculateSlot from 'cluster-key-slot';

/**
 * Splits `items` into the groups one multi-key command or one pipeline may carry: on a Redis
 * Cluster every key of a command, a pipeline or a MULTI must sit in one slot (else CROSSSLOT, or
 * ioredis refuses the pipeline), so the items are grouped by their key's slot, in their order
 * within each group. On one server (or a Sentinel master) they stay one group.
 */
export function groupBySlot<T>(redis: RedisClient, items: readonly T[], keyOf: (item: T) => string): T[][] {
  if (items.length === 0) return [];
  if (!isCluster(redis)) return [[...items]];
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const slot = calculateSlot(keyOf(item));
    const group = groups.get(slot);
    if (group) group.push(item);
    else groups.set(slot, [item]);
  }
  return [...groups.values()];
}
