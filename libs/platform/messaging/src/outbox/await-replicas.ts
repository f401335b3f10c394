import { isCluster, type RedisClient } from '@mesh/service';
import calculateSlot from 'cluster-key-slot';
import type { Redis } from 'ioredis';

import type { ReplicaWait } from '../config/replica-wait';
import { nodeServing } from '../streams/node-serving';
import { streamKeys } from '../streams/stream-keys';

/** A server whose replicas did not all confirm the relay's writes in time. */
export interface ReplicasBehind {
  /** `host:port` of the master, or `redis` on one server. */
  server: string;
  streams: string[];
  wanted: number;
  acknowledged: number;
}

/**
 * Waits until the replicas hold what the relay wrote to these streams: `WAIT <replicas>
 * <timeoutMs>` on each master that took the writes, on the very connection that sent them (WAIT
 * counts that connection's writes). The relay's connection to one server is its client; on a
 * cluster, the client's connection to the slot's master, which carried the slot's pipeline.
 * An entry on a master that dies before a replica has it is gone after the failover; its outbox
 * row, once marked sent, would never be sent again. Masters are waited for side by side.
 * @returns the masters that fell short (empty when every one confirmed, or when no wait is asked).
 */
export async function awaitReplicas(
  redis: RedisClient,
  streams: readonly string[],
  wait: ReplicaWait,
): Promise<ReplicasBehind[]> {
  const byServer = new Map<Redis, { streams: string[]; wanted: number }>();
  for (const stream of new Set(streams)) {
    const key = streamKeys.source(stream);
    const wanted = replicasWanted(redis, key, wait);
    if (wanted === 0) continue;
    const server = nodeServing(redis, key);
    const entry = byServer.get(server) ?? { streams: [], wanted };
    entry.streams.push(stream);
    entry.wanted = Math.max(entry.wanted, wanted);
    byServer.set(server, entry);
  }
  const outcomes = await Promise.all(
    [...byServer].map(async ([server, { streams: written, wanted }]) => {
      const acknowledged = await server.wait(wanted, wait.timeoutMs);
      return {
        server: serverName(redis, server),
        streams: written,
        wanted,
        acknowledged,
      };
    }),
  );
  return outcomes.filter(({ wanted, acknowledged }) => acknowledged < wanted);
}

/** `auto`: one replica where the slot's master has any (the cluster's slot table lists them), else none. */
function replicasWanted(redis: RedisClient, key: string, wait: ReplicaWait): number {
  if (wait.replicas !== 'auto') return wait.replicas;
  if (!isCluster(redis)) return 0;
  return (redis.slots[calculateSlot(key)]?.length ?? 0) > 1 ? 1 : 0;
}

function serverName(redis: RedisClient, server: Redis): string {
  return isCluster(redis) ? `${server.options.host}:${server.options.port}` : 'redis';
}
