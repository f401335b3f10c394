import { envInt, type RedisTopology } from '@mesh/service';
import { z } from 'zod';

/**
 * How the outbox relay makes sure its entries survive a failover before it marks their rows
 * sent: `WAIT <replicas> <timeoutMs>` on the connection that wrote them (section 4 of
 * docs/ARCHITECTURE.md). A master that fails over to a replica without an entry loses it, and
 * the outbox, having marked it sent, would never send it again.
 */
export const replicaWaitVariables = {
  /**
   * Replicas that must hold a relay's entries before its rows are marked sent; 0 turns the wait
   * off. By default 1 on a Sentinel topology and on a cluster whose masters have replicas, 0 on
   * one server (a REDIS_URL pointing at a master with replicas sets it explicitly).
   */
  REDIS_WAIT_REPLICAS: envInt({ min: 0 }).optional(),
  /**
   * How long one WAIT may take; when it runs out the rows stay unsent and the relay retries. Under
   * the relay's command timeout (10 s, `relayRedisOptions`).
   */
  REDIS_WAIT_TIMEOUT_MS: envInt({ min: 1, max: 9_000 }).default(1_000),
};

type ReplicaWaitEnv = z.output<z.ZodObject<typeof replicaWaitVariables>>;

export interface ReplicaWait {
  /** Replicas to wait for; `auto`: 1 if the cluster's masters have replicas right now, else none. */
  replicas: number | 'auto';
  timeoutMs: number;
}

export function replicaWait(env: ReplicaWaitEnv, topology: RedisTopology): ReplicaWait {
  const defaults = { single: 0, sentinel: 1, cluster: 'auto' as const };
  return {
    replicas: env.REDIS_WAIT_REPLICAS ?? defaults[topology.kind],
    timeoutMs: env.REDIS_WAIT_TIMEOUT_MS,
  };
}
